import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { createLogger, type LogRecord } from '../logging/logger.ts';
import { settingsFormatVersion } from './settings-migrations.ts';
import { createSettingsStore, defaultSettings } from './settings-store.ts';

let dir: TempDir;
let logged: LogRecord[];
const logger = createLogger((record) => logged.push(record));
const settingsPath = () => path.join(dir.path, 'settings.json');
const readSettingsFile = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(settingsPath(), 'utf8')) as Record<string, unknown>;

/** settings.json exactly as 0.1's hand-written store left it, every value changed from its default. */
const settingsOfRelease01 = {
  environment: 'production',
  staging: { baseUrl: 'https://staging.example.test', balanceSupported: true },
  production: { baseUrl: 'https://api.example.test', balanceSupported: false },
  sending: {
    concurrency: 8,
    requestsPerSecond: 5,
    pendingDeadlineMinutes: 90,
    duplicateLookbackDays: 45,
    confirmAboveCents: 250_00,
    maxRewardCents: 100_00,
    maxBatchTotalCents: 5_000_00,
    allowedProductIds: ['NORTHWIND-COFFEE'],
    yearlyThresholdCents: null,
  },
};

beforeEach(async () => {
  dir = await createTempDir();
  logged = [];
});
afterEach(async () => {
  await dir.remove();
});

describe('the settings store on conf, under plain Node', () => {
  it('starts from the defaults and keeps a change across a reopen, in a file only its owner can read', async () => {
    const store = createSettingsStore(dir.path, logger);
    expect(store.get()).toEqual(defaultSettings);
    store.update((current) => ({ ...current, preferences: { ...current.preferences, theme: 'dark' } }));

    expect(createSettingsStore(dir.path, logger).get().preferences.theme).toBe('dark');
    expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
    expect(await readSettingsFile()).toMatchObject({
      preferences: { theme: 'dark' },
      __internal__: { migrations: { version: settingsFormatVersion } },
    });
  });

  it("migrates 0.1's settings.json in place, losing nothing and adding the new groups", async () => {
    await writeFile(settingsPath(), JSON.stringify(settingsOfRelease01, null, 2), { mode: 0o600 });

    const store = createSettingsStore(dir.path, logger);

    expect(store.get()).toEqual({
      ...settingsOfRelease01,
      preferences: defaultSettings.preferences,
      window: defaultSettings.window,
      firstRunGuide: { seen: false },
    });
    const file = await readSettingsFile();
    expect(file).toMatchObject(settingsOfRelease01);
    expect(file).toMatchObject({ __internal__: { migrations: { version: settingsFormatVersion } } });
    expect(logged).toEqual([]);
  });

  it("adds the first-run guide's flag to a 2.0.0 file, keeping the preferences and window it has", async () => {
    const release02 = {
      ...settingsOfRelease01,
      preferences: { defaultCountry: 'GB', defaultSenderName: 'HR', defaultMessage: '', theme: 'dark' },
      window: { bounds: { x: 5, y: 5, width: 900, height: 700 }, maximized: true },
      __internal__: { migrations: { version: '2.0.0' } },
    };
    await writeFile(settingsPath(), JSON.stringify(release02), { mode: 0o600 });

    const { __internal__: _internal, ...kept } = release02;
    expect(createSettingsStore(dir.path, logger).get()).toEqual({ ...kept, firstRunGuide: { seen: false } });
    expect(await readSettingsFile()).toMatchObject({
      ...kept,
      firstRunGuide: { seen: false },
      __internal__: { migrations: { version: settingsFormatVersion } },
    });
  });

  it('gives an early file without sending settings the defaults, keeping its connection', async () => {
    const { sending: _sending, ...early } = settingsOfRelease01;
    await writeFile(settingsPath(), JSON.stringify(early));

    const settings = createSettingsStore(dir.path, logger).get();

    expect(settings.sending).toEqual(defaultSettings.sending);
    expect(settings.production.baseUrl).toBe('https://api.example.test');
  });

  it('reads a group missing a key added later with that key at its default', async () => {
    const { yearlyThresholdCents: _dropped, ...olderSending } = settingsOfRelease01.sending;
    await writeFile(settingsPath(), JSON.stringify({ ...settingsOfRelease01, sending: olderSending }));

    const { sending } = createSettingsStore(dir.path, logger).get();

    expect(sending).toEqual({
      ...olderSending,
      yearlyThresholdCents: defaultSettings.sending.yearlyThresholdCents,
    });
  });

  it.each([
    ['not JSON', '{"environment": "produ', 'json'],
    ['against the schema', JSON.stringify({ ...settingsOfRelease01, environment: 'mars' }), 'schema'],
  ])(
    'sets a file that is %s aside, byte for byte, and starts from the defaults',
    async (_what, text, reason) => {
      await writeFile(settingsPath(), text);

      const store = createSettingsStore(dir.path, logger);

      expect(store.get()).toEqual(defaultSettings);
      const asideName = (await readdir(dir.path)).find((name) =>
        name.startsWith('settings.json.unreadable-'),
      );
      expect(asideName).toBeDefined();
      expect(await readFile(path.join(dir.path, String(asideName)), 'utf8')).toBe(text);
      expect(logged.map((record) => [record.event, record.fields.reason])).toEqual([
        ['storage.unreadable_file', reason],
      ]);
      store.update((current) => ({ ...current, environment: 'staging' }));
      expect(createSettingsStore(dir.path, logger).get().environment).toBe('staging');
    },
  );

  it('refuses a change the schema does not allow and keeps the file as it was', async () => {
    const store = createSettingsStore(dir.path, logger);
    store.update((current) => ({ ...current, environment: 'staging' }));
    const before = await readFile(settingsPath(), 'utf8');

    expect(() =>
      store.update((current) => ({ ...current, sending: { ...current.sending, concurrency: 0 } })),
    ).toThrow();

    expect(await readFile(settingsPath(), 'utf8')).toBe(before);
    expect(store.get().sending.concurrency).toBe(defaultSettings.sending.concurrency);
  });
});
