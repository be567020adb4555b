import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateChromium, systemBrowserPaths } from '../support/find-chromium.ts';

const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);

describe('finding a Chromium for the end-to-end layer', () => {
  it('prefers CHROME_PATH, and refuses one that does not exist', () => {
    expect(
      locateChromium('linux', { CHROME_PATH: '/opt/chrome' }, only('/opt/chrome', '/usr/bin/chromium')),
    ).toEqual({
      executablePath: '/opt/chrome',
      source: 'CHROME_PATH',
    });
    expect(() => locateChromium('linux', { CHROME_PATH: '/opt/gone' }, only())).toThrow(/does not exist/);
  });

  it('finds the system browser at the usual paths on Linux, macOS and Windows', () => {
    expect(locateChromium('linux', {}, only('/usr/bin/google-chrome'))?.executablePath).toBe(
      '/usr/bin/google-chrome',
    );
    expect(locateChromium('darwin', {}, only('/Applications/Chromium.app/Contents/MacOS/Chromium'))).toEqual({
      executablePath: '/Applications/Chromium.app/Contents/MacOS/Chromium',
      source: 'the system browser',
    });
    const chromeOnWindows = path.win32.join(
      'C:\\Users\\ana\\AppData\\Local',
      'Google',
      'Chrome',
      'Application',
      'chrome.exe',
    );
    expect(systemBrowserPaths('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' })).toContain(
      chromeOnWindows,
    );
    expect(
      locateChromium('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, only(chromeOnWindows))
        ?.source,
    ).toBe('the system browser');
  });

  it('finds nothing, rather than guessing, where no browser exists', () => {
    expect(locateChromium('linux', {}, only())).toBeUndefined();
  });
});
