import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export interface FoundChromium {
  readonly executablePath: string;
  /** Where it came from, said plainly when the end-to-end layer starts. */
  readonly source: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** The usual install paths of Chrome and Chromium (and Edge, also Chromium) on each platform. */
export const systemBrowserPaths = (platform: NodeJS.Platform, env: Environment): string[] => {
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  if (platform === 'win32')
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((folder): folder is string => folder !== undefined && folder !== '')
      .flatMap((folder) => [
        path.win32.join(folder, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(folder, 'Chromium', 'Application', 'chrome.exe'),
        path.win32.join(folder, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
};

/**
 * The browser for the end-to-end layer, without installing anything: CHROME_PATH if set, else a system
 * Chrome or Chromium, else one Playwright installed. test/support/ensure-chromium.ts installs one when
 * this finds none.
 */
export const locateChromium = (
  platform: NodeJS.Platform = process.platform,
  env: Environment = process.env,
  exists: (file: string) => boolean = existsSync,
): FoundChromium | undefined => {
  const fromEnvironment = env.CHROME_PATH;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    if (!exists(fromEnvironment))
      throw new Error(`CHROME_PATH points to ${fromEnvironment}, which does not exist.`);
    return { executablePath: fromEnvironment, source: 'CHROME_PATH' };
  }
  const system = systemBrowserPaths(platform, env).find(exists);
  if (system !== undefined) return { executablePath: system, source: 'the system browser' };
  const managed = chromium.executablePath();
  return exists(managed) ? { executablePath: managed, source: "Playwright's Chromium" } : undefined;
};

/** For playwright.config.ts: the browser, or a failure saying how to get one; never a silent skip. */
export const findChromium = (): string => {
  const found = locateChromium();
  if (found !== undefined) return found.executablePath;
  throw new Error(
    'No Chromium found for the end-to-end tests. `npm test` installs one where it can; otherwise install ' +
      'Chrome or Chromium (`sudo apt-get install chromium` on Debian/Ubuntu), run `npx playwright install ' +
      'chromium`, or set CHROME_PATH to a Chrome or Chromium binary.',
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
