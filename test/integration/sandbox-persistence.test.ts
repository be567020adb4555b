import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
let statePath: string;
const sandbox = signedInSandbox();
const { call } = sandbox;

beforeEach(async () => {
  dir = await createTempDir('giftbatch-sandbox-');
  statePath = path.join(dir.path, 'nested', 'sandbox-state.json');
});
afterEach(async () => {
  await sandbox.close();
  await dir.remove();
});

const start = (options: SandboxOptions = {}) => sandbox.start({ statePath, ...options });
const restart = async (options: SandboxOptions = {}) => {
  await sandbox.close();
  return start(options);
};

const place = async (poNumber: string, quantity = 1) => {
  const answer = await call('POST', '/v1/Orders', {
    Type: 'Links',
    PONumber: poNumber,
    LineItems: [{ ProductId: 'COPPERKETTLE-BAKERY', Value: 20, Quantity: quantity }],
  });
  return z.object({ Id: z.string(), Status: z.string() }).parse(answer.body);
};
const savedOrderCount = async (): Promise<number | undefined> => {
  const text = await readFile(statePath, 'utf8').catch(() => undefined);
  return text === undefined
    ? undefined
    : z.object({ orders: z.array(z.unknown()) }).parse(JSON.parse(text)).orders.length;
};

describe('the state file', () => {
  it('keeps orders, balance and PONumbers across a restart; the balance option is then ignored', async () => {
    const first = await start({ balanceCents: 100_000 });
    const created = await place('persist-1', 2);
    await call('POST', '/_sim/funding', { Amount: 5 });
    const before = await call('GET', `/v1/Orders/${created.Id}`);
    const balanceBefore = (await call('GET', '/v1/Balance')).body;

    // Same port, so the claim links (built from the sandbox's URL) read the same.
    await restart({ balanceCents: 1, port: Number(new URL(first.url).port) });
    await expect(call('GET', `/v1/Orders/${created.Id}`)).resolves.toEqual(before);
    await expect(call('GET', '/v1/Balance')).resolves.toEqual({ status: 200, body: balanceBefore });
    await expect(call('POST', '/v1/Orders', { PONumber: 'persist-1' })).resolves.toMatchObject({
      status: 409,
      body: { Id: created.Id },
    });
    // Reset returns to the balance the state began with, not to this start's option.
    await call('POST', '/_sim/reset');
    await expect(call('GET', '/v1/Balance')).resolves.toMatchObject({ body: { Available: 1_000 } });
  });

  it('settles a Pending order that fell due while the sandbox was stopped', async () => {
    let clock = Date.parse('2025-06-01T08:00:00Z');
    const timing = {
      now: () => clock,
      completionDelayMs: { min: 5_000, max: 5_000 },
      faults: { tokenTtlSeconds: 86_400 },
    };
    await start(timing);
    const pending = await place('pending-1', 11);
    expect(pending.Status).toBe('Pending');
    await restart(timing);
    await expect(call('GET', `/v1/Orders/${pending.Id}`)).resolves.toMatchObject({
      body: { Status: 'Pending' },
    });
    await sandbox.close();
    clock += 5_000;
    await restart(timing);
    await expect(call('GET', `/v1/Orders/${pending.Id}`)).resolves.toMatchObject({
      body: { Status: 'Completed' },
    });
  });

  it('completes a Pending order after a restart on its own timer', async () => {
    await start({ completionDelayMs: { min: 150, max: 150 } });
    const pending = await place('pending-2', 11);
    await restart({ completionDelayMs: { min: 150, max: 150 } });
    const deadline = Date.now() + 3_000;
    let status = pending.Status;
    while (status === 'Pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = z
        .object({ Status: z.string() })
        .parse((await call('GET', `/v1/Orders/${pending.Id}`)).body).Status;
    }
    expect(status).toBe('Completed');
  });

  it('saves within 200 ms of a change, without waiting for close, and leaves no temporary file', async () => {
    await start();
    await place('saved-1');
    const deadline = Date.now() + 200;
    let count = await savedOrderCount();
    while (count !== 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      count = await savedOrderCount();
    }
    expect(count).toBe(1);
    expect(await readdir(path.dirname(statePath))).toEqual(['sandbox-state.json']);
  });

  it('refuses to start on a file that is not a sandbox state, leaving it untouched', async () => {
    await start();
    await sandbox.close();
    await writeFile(statePath, '{"orders": "not these"}');
    await expect(startSandbox({ statePath })).rejects.toThrow(/not a sandbox state/);
    await writeFile(statePath, '{ half');
    await expect(startSandbox({ statePath })).rejects.toThrow(/not valid JSON/);
    await expect(readFile(statePath, 'utf8')).resolves.toBe('{ half');
  });
});
