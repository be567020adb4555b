import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const debianChromium = '/usr/bin/chromium';

/**
 * The browser for the end-to-end layer: CHROME_PATH if set, else Debian's Chromium, else a browser
 * Playwright installed. With none, the layer fails with how to get one; it never silently skips.
 */
export const findChromium = (): string => {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    if (!existsSync(fromEnvironment))
      throw new Error(`CHROME_PATH points to ${fromEnvironment}, which does not exist.`);
    return fromEnvironment;
  }
  if (existsSync(debianChromium)) return debianChromium;
  const managed = chromium.executablePath();
  if (existsSync(managed)) return managed;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install chromium` (Debian/Ubuntu) ' +
      'or `npx playwright install chromium`, or set CHROME_PATH to a Chrome or Chromium binary.',
  );
};

/** Keeps Chromium quiet on a closed network: no background fetches, updates or sync. */
export const quietChromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
