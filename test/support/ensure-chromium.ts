import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { locateChromium, type FoundChromium } from './find-chromium.ts';

/**
 * Run before the end-to-end layer (`npm run test:e2e`, so `npm test`): makes sure a Chromium exists and
 * says which one is used. In order: one already here (CHROME_PATH, a system Chrome/Chromium, Playwright's);
 * else Playwright's own download, where its CDN is reachable; else, on Debian or Ubuntu as root (as in CI),
 * the distribution's `chromium` package. A machine that has /usr/bin/chromium does none of this.
 */
const say = (line: string): void => {
  process.stdout.write(`[e2e browser] ${line}\n`);
};

const attempt = (description: string, command: string, args: string[]): boolean => {
  say(`${description}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 10 * 60_000 });
  return result.status === 0;
};

const installWithPlaywright = (): boolean =>
  attempt(
    "No Chrome or Chromium here; fetching Playwright's Chromium",
    path.join(import.meta.dirname, '../../node_modules/.bin/playwright'),
    ['install', 'chromium'],
  );

const isDebianRoot = (): boolean =>
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version');

const installWithApt = (): boolean =>
  attempt('Installing the distribution package', 'apt-get', ['update']) &&
  attempt('Installing the distribution package', 'apt-get', [
    'install',
    '-y',
    '--no-install-recommends',
    'chromium',
  ]);

const report = (found: FoundChromium, how: string): void => {
  say(`${how}: ${found.executablePath} (${found.source})`);
};

const installed = (): FoundChromium | undefined => {
  if (installWithPlaywright()) {
    const found = locateChromium();
    if (found !== undefined) return found;
  }
  return isDebianRoot() && installWithApt() ? locateChromium() : undefined;
};

const already = locateChromium();
const found = already ?? installed();
if (found === undefined) {
  say(
    'No Chromium could be found or installed. Install Chrome or Chromium, run `npx playwright install ' +
      'chromium`, or set CHROME_PATH to a Chrome or Chromium binary, then run the tests again.',
  );
  process.exitCode = 1;
} else {
  report(found, already === undefined ? 'Installed and using' : 'Using');
}
