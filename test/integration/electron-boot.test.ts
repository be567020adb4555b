import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannels } from '../../common/contract/channels.ts';
import { appEntryUrl } from '../../main/electron/app-origin.ts';
import { contentSecurityPolicy } from '../../main/electron/content-security-policy.ts';
import type { RecordedCall } from '../support/electron-boot/electron-stand-in.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

const root = path.join(import.meta.dirname, '../..');
const entry = path.join(root, 'out/main/index.js');
const bootEntry = path.join(root, 'test/support/electron-boot/boot-entry.ts');

interface ServedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
interface BootReport {
  readonly callsBeforeReady: number;
  readonly calls: RecordedCall[];
  readonly ipcChannels: string[];
  readonly page: ServedResponse | undefined;
  readonly outside: ServedResponse | undefined;
  readonly otherHost: ServedResponse | undefined;
}
interface Booted {
  readonly report: BootReport;
  readonly exitCode: number | null;
}

/** Runs the built entry in a child process: it starts the services, and must quit as the app would. */
const boot = (userData: string): Promise<Booted> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bootEntry, entry, userData], { cwd: root, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('BOOT-REPORT '));
      if (line === undefined) {
        reject(new Error(`The entry printed no report (exit ${String(exitCode)}):\n${stderr}`));
        return;
      }
      resolve({ report: JSON.parse(line.slice('BOOT-REPORT '.length)) as BootReport, exitCode });
    });
  });

const indexOf = (calls: RecordedCall[], name: string): number =>
  calls.findIndex((call) => call.call === name);
const argsOf = (calls: RecordedCall[], name: string): unknown[] =>
  calls.find((call) => call.call === name)?.args ?? [];

describe('the Electron entry, booted under plain Node with a recording electron', () => {
  let userData: TempDir;
  let booted: Booted;
  beforeAll(async () => {
    if (!existsSync(entry)) {
      throw new Error('out/main/index.js is missing: run `npm run build` first (npm test does).');
    }
    userData = await createTempDir('giftbatch-boot-');
    booted = await boot(userData.path);
  }, 60_000);
  afterAll(async () => {
    await userData.remove();
  });

  it('takes the single-instance lock, registers app:// as privileged and enables the sandbox before ready', () => {
    const { calls, callsBeforeReady } = booted.report;
    expect(calls.slice(0, callsBeforeReady).map((call) => call.call)).toEqual([
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
    ]);
    expect(argsOf(calls, 'protocol.registerSchemesAsPrivileged')).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
      { beforeReady: true },
    ]);
  });

  it('starts the services on the user-data folder: the ledger and settings are there', () => {
    expect(argsOf(booted.report.calls, 'app.getPath')).toEqual(['userData']);
    expect(existsSync(path.join(userData.path, 'giftbatch-ledger.sqlite'))).toBe(true);
    expect(existsSync(path.join(userData.path, 'settings.json'))).toBe(true);
  });

  it('registers one IPC handler for every channel of the contract, and no other', () => {
    expect([...booted.report.ipcChannels].sort()).toEqual([...callChannels].sort());
    // electron-store's own listener answers the data folder and version; the preload exposes no way to ask.
    const listeners = booted.report.calls.filter((call) => call.call === 'ipcMain.on');
    expect(listeners.map((call) => call.args)).toEqual([['electron-store-get-data']]);
  });

  it('creates the window with the hardened options and a preload that exists in out/', () => {
    const [options] = argsOf(booted.report.calls, 'new BrowserWindow') as [
      { show: boolean; webPreferences: Record<string, unknown> },
    ];
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    const preload = String(options.webPreferences.preload);
    expect(preload).toBe(path.join(root, 'out/preload/index.cjs'));
    expect(existsSync(preload)).toBe(true);
  });

  it('loads app://giftbatch, served from out/renderer with the CSP header, and nothing outside it', () => {
    const { calls, page, outside, otherHost } = booted.report;
    expect(argsOf(calls, 'window.loadURL')).toEqual([appEntryUrl]);
    expect(argsOf(calls, 'protocol.handle')).toEqual(['app']);
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('<div id="root">');
    expect(page?.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page?.headers['x-content-type-options']).toBe('nosniff');
    expect(outside?.status).toBe(404);
    expect(otherHost?.status).toBe(404);
  });

  it('denies permissions, installs the menu and applies the saved theme once ready', () => {
    const { calls } = booted.report;
    const ready = indexOf(calls, 'app.ready');
    for (const name of [
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'Menu.setApplicationMenu',
      'nativeTheme.themeSource',
      'new BrowserWindow',
    ]) {
      expect(indexOf(calls, name), name).toBeGreaterThan(ready);
    }
    expect(argsOf(calls, 'Menu.setApplicationMenu')).toEqual([
      ['&File', '&Edit', '&View', '&Window', '&Help'],
    ]);
    expect(argsOf(calls, 'nativeTheme.themeSource')).toEqual(['system']);
  });

  it('quits cleanly, closing the services', () => {
    expect(booted.exitCode).toBe(0);
  });
});
