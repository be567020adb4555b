import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannels } from '../../common/contract/channels.ts';
import { appEntryUrl } from '../../main/electron/app-origin.ts';
import { contentSecurityPolicy } from '../../main/electron/content-security-policy.ts';
import { centsToDecimalString } from '../../common/money.ts';
import { seedDraft } from '../../renderer/src/testing/seed-batches.ts';
import type { RecordedCall } from '../support/electron-boot/electron-stand-in.ts';
import { createInProcessApi } from '../support/in-process-api.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';
import { createTestServices } from '../support/test-services.ts';

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
const namesFrom = (calls: RecordedCall[], name: string): string[] =>
  calls.slice(indexOf(calls, name)).map((call) => call.call);

/** A data folder whose ledger holds one batch sent with "Send at…" an hour from now, through the real services. */
const withScheduledBatch = async (dataDir: string): Promise<void> => {
  const services = await createTestServices(dataDir);
  try {
    const api = createInProcessApi(services);
    const draftId = await seedDraft(api, 'Holiday bonus', 2);
    const review = await api.prepareReview({ draftId, excludeRowIds: [] });
    if (!review.ok) throw new Error(review.error.message);
    const started = await api.startBatch({
      draftId,
      batchId: review.value.batchId,
      excludeRowIds: [],
      expectedCostCents: review.value.cost.costCents,
      typedAmount: centsToDecimalString(review.value.cost.costCents),
      startAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    if (!started.ok) throw new Error(started.error.message);
  } finally {
    await services.close();
  }
};

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

  it('quits when the window is closed with nothing under way, with no tray, closing the services', () => {
    const { calls } = booted.report;
    expect(namesFrom(calls, 'window.close').filter((name) => !name.startsWith('session.'))).toEqual([
      'window.close',
      'window.close',
      'app.quit',
      'app.quit',
    ]);
    expect(calls.filter((call) => call.call === 'window.close').map((call) => call.args)).toEqual([
      [{ prevented: true }],
      [{ prevented: false }],
    ]);
    expect(indexOf(calls, 'new Tray')).toBe(-1);
    expect(booted.exitCode).toBe(0);
  });
});

describe('the Electron entry, closed while a batch waits for its start time', () => {
  let userData: TempDir;
  let booted: Booted;
  beforeAll(async () => {
    userData = await createTempDir('giftbatch-boot-tray-');
    await withScheduledBatch(userData.path);
    booted = await boot(userData.path);
  }, 90_000);
  afterAll(async () => {
    await userData.remove();
  });

  it('hides the window to a tray whose image is in out/, says what waits, and tells the user once', () => {
    const { calls } = booted.report;
    expect(namesFrom(calls, 'window.close').slice(0, 4)).toEqual([
      'window.close',
      'window.hide',
      'nativeImage.createFromPath',
      'new Tray',
    ]);
    const [imagePath] = argsOf(calls, 'new Tray') as [string];
    expect(imagePath.startsWith(path.join(root, 'out/main/'))).toBe(true);
    expect(imagePath.endsWith('.png')).toBe(true);
    expect(existsSync(imagePath)).toBe(true);
    expect(argsOf(calls, 'tray.setToolTip')).toEqual([
      expect.stringMatching(/^GiftBatch — Next: "Holiday bonus" at /) as string,
    ]);
    const [menu] = argsOf(calls, 'tray.setContextMenu') as [{ label: string; enabled: boolean }[]];
    expect(menu.map((item) => item.label)).toEqual([
      'Open GiftBatch',
      'separator',
      expect.stringMatching(/^Next: "Holiday bonus" at /) as string,
      'separator',
      'Quit GiftBatch',
    ]);
    expect(menu[2]?.enabled).toBe(false);
    const told = calls.filter((call) => call.call === 'notification.show');
    expect(told).toHaveLength(1);
    expect(told[0]?.args).toEqual([
      {
        title: 'GiftBatch',
        body: expect.stringMatching(
          /^GiftBatch keeps running in the tray to start "Holiday bonus" at /,
        ) as string,
      },
    ]);
  });

  it("quits from the tray's Quit: the hidden window closes without asking again and the services close", () => {
    const { calls } = booted.report;
    const closes = calls.filter((call) => call.call === 'window.close').map((call) => call.args);
    expect(closes).toEqual([[{ prevented: true }], [{ prevented: false }]]);
    expect(indexOf(calls, 'app.quit')).toBeGreaterThan(indexOf(calls, 'tray.setContextMenu'));
    expect(booted.exitCode).toBe(0);
  });
});
