import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { killStartedClis, startCli, type CliProcess } from '../fixtures/cli/run-cli.ts';
import { signIn } from '../support/sandbox-http.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-sandbox-durable-');
});
afterEach(async () => {
  killStartedClis();
  await dir.remove();
});

const firstLineSchema = z.object({ url: z.string() });

/** `giftbatch sandbox --json --state …` as a child process, once it has said where it listens. */
const startChildSandbox = async (statePath: string): Promise<{ cli: CliProcess; url: string }> => {
  const cli = startCli(['sandbox', '--json', '--state', statePath]);
  const deadline = Date.now() + 20_000;
  while (!cli.stdout().includes('\n')) {
    if (Date.now() > deadline || cli.child.exitCode !== null) throw new Error(`no output: ${cli.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { cli, url: firstLineSchema.parse(JSON.parse(cli.stdout().split('\n')[0] ?? '')).url };
};

const orderBody = (poNumber: string) =>
  JSON.stringify({
    Type: 'Links',
    PONumber: poNumber,
    LineItems: [{ ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: 1 }],
  });

const savedPoNumbers = async (statePath: string): Promise<string[]> =>
  z
    .object({ orders: z.array(z.object({ poNumber: z.string() })) })
    .parse(JSON.parse(await readFile(statePath, 'utf8')))
    .orders.map((order) => order.poNumber);

describe("the sandbox state file is the provider's truth", () => {
  it('holds an order answered just before the sandbox was killed (SIGKILL), after a restart too', async () => {
    const statePath = path.join(dir.path, 'state.json');
    const { cli, url } = await startChildSandbox(statePath);
    const token = await signIn(url);
    const placed: { Id: string }[] = [];
    for (const poNumber of ['durable-1', 'durable-2', 'durable-3']) {
      const response = await fetch(`${url}/v1/Orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: orderBody(poNumber),
      });
      placed.push(z.object({ Id: z.string() }).parse(await response.json()));
    }
    // Killed the moment the last answer arrived: no chance to save on the way out.
    cli.child.kill('SIGKILL');
    await cli.exited;

    expect(await savedPoNumbers(statePath)).toEqual(['durable-1', 'durable-2', 'durable-3']);
    const restarted = await startSandbox({ statePath });
    try {
      const again = await signIn(restarted.url);
      const lookup = await fetch(`${restarted.url}/v1/Orders/${placed[2]?.Id ?? ''}`, {
        headers: { authorization: `Bearer ${again}` },
      });
      expect(lookup.status).toBe(200);
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
