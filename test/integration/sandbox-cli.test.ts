import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { signIn } from '../support/sandbox-http.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);

const root = path.join(import.meta.dirname, '../..');
const cliPath = path.join(root, 'main/cli/giftbatch.ts');
// The project's pinned Node 22 runs the .ts entry point directly (type stripping).
const projectNode = path.join(root, 'node_modules/.bin/node');
const firstLineSchema = z.strictObject({ url: z.url(), email: z.string(), accessToken: z.string() });

interface Cli {
  readonly child: ChildProcess;
  /** Started in its own process group (npx), so it is signalled as a group. */
  readonly isGroup: boolean;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

let dir: TempDir;
const started: Cli[] = [];

beforeEach(async () => {
  dir = await createTempDir('giftbatch-cli-');
});
afterEach(async () => {
  for (const cli of started.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.pid !== undefined) {
      process.kill(cli.isGroup ? -cli.child.pid : cli.child.pid, 'SIGKILL');
    }
  }
  await dir.remove();
});

/** `npx giftbatch …` runs in its own process group, so a signal can reach npm's child as a terminal's would. */
const run = (args: readonly string[], how: 'node' | 'npx' = 'node'): Cli => {
  const child =
    how === 'npx'
      ? spawn('npx', ['giftbatch', ...args], { cwd: root, detached: true })
      : spawn(projectNode, [cliPath, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cli = { child, isGroup: how === 'npx', stdout: () => stdout, stderr: () => stderr, exited };
  started.push(cli);
  return cli;
};

const firstLine = async (cli: Cli): Promise<string> => {
  const deadline = Date.now() + 15_000;
  while (!cli.stdout().includes('\n')) {
    if (Date.now() > deadline || cli.child.exitCode !== null)
      throw new Error(`no output; stderr: ${cli.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return cli.stdout().split('\n')[0] ?? '';
};

const placeOrder = async (url: string, token: string, poNumber: string) =>
  fetch(`${url}/v1/Orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      Type: 'Links',
      PONumber: poNumber,
      LineItems: [{ ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: 1 }],
    }),
  });

const savedPoNumbers = async (statePath: string) =>
  z
    .object({ orders: z.array(z.object({ poNumber: z.string() })) })
    .parse(JSON.parse(await readFile(statePath, 'utf8')))
    .orders.map((order) => order.poNumber);

describe('giftbatch sandbox', () => {
  it('runs through npx: one JSON line, a working sandbox, state saved on SIGTERM', async () => {
    const statePath = path.join(dir.path, 'npx-state.json');
    const cli = run(['sandbox', '--json', '--port', '0', '--state', statePath], 'npx');
    const { url, email, accessToken } = firstLineSchema.parse(JSON.parse(await firstLine(cli)));
    expect({ email, accessToken }).toEqual(demoCredentials);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await placeOrder(url, await signIn(url), 'npx-1')).status).toBe(201);
    expect(cli.stdout()).toBe(`${await firstLine(cli)}\n`);

    // npm does not pass SIGTERM on to its child, so signal the whole group, as a terminal does with Ctrl+C.
    process.kill(-(cli.child.pid ?? 0), 'SIGTERM');
    await cli.exited;
    const deadline = Date.now() + 5_000;
    let isListening = true;
    while (isListening && Date.now() < deadline) {
      isListening = await fetch(`${url}/_sim/stats`).then(
        () => true,
        () => false,
      );
      if (isListening) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(isListening).toBe(false);
    // The sandbox writes its state once its sockets are closed, so the file follows the port by a moment;
    // npx's own exit does not wait for it.
    await expect
      .poll(() => savedPoNumbers(statePath).catch(() => undefined), { timeout: 5_000 })
      .toEqual(['npx-1']);
  }, 30_000);

  it('applies its flags and exits 0 on SIGTERM with the state file written', async () => {
    const statePath = path.join(dir.path, 'state.json');
    const cli = run([
      'sandbox',
      '--json',
      '--state',
      statePath,
      '--balance',
      '250.50',
      '--latency-ms',
      '5',
      '--faults',
      'rate429=0.25,tokenTtl=30',
    ]);
    const { url } = firstLineSchema.parse(JSON.parse(await firstLine(cli)));
    await expect((await fetch(`${url}/_sim/faults`)).json()).resolves.toMatchObject({
      latencyMs: 5,
      rate429: 0.25,
      tokenTtlSeconds: 30,
    });
    await fetch(`${url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ rate429: 0 }) });
    const token = await signIn(url);
    const balance = await fetch(`${url}/v1/Balance`, { headers: { authorization: `Bearer ${token}` } });
    await expect(balance.json()).resolves.toMatchObject({ Available: 250.5 });
    expect((await placeOrder(url, token, 'cli-1')).status).toBe(201);

    cli.child.kill('SIGTERM');
    await expect(cli.exited).resolves.toBe(0);
    expect(cli.stdout().trimEnd().split('\n')).toHaveLength(1);
    await expect(savedPoNumbers(statePath)).resolves.toEqual(['cli-1']);
  }, 15_000);

  it('serves the provider variations its switches ask for', async () => {
    const cli = run([
      'sandbox',
      '--json',
      '--strict',
      '--page-base',
      '0',
      '--list-envelope',
      'Items',
      '--page-cap',
      '10',
      '--variable-shape',
      'minmax',
    ]);
    const { url } = firstLineSchema.parse(JSON.parse(await firstLine(cli)));
    const token = await signIn(url);
    const get = (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('/v1/products')).status).toBe(404);
    const page = z
      .object({ Page: z.number(), Items: z.array(z.object({ Id: z.string() })) })
      .parse(await (await get('/v1/Products?pageIndex=0&pageSize=500')).json());
    expect(page.Page).toBe(0);
    expect(page.Items).toHaveLength(10);
    await expect((await get('/v1/Products/TRAILMARK-OUTFITTERS')).json()).resolves.toMatchObject({
      MinValue: 5,
      MaxValue: 500,
    });
    cli.child.kill('SIGTERM');
    await expect(cli.exited).resolves.toBe(0);
  }, 15_000);

  it('says where it listens and how to sign in, in plain words, and stops on SIGINT', async () => {
    const cli = run(['sandbox']);
    const line = await firstLine(cli);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
    await expect(signIn(url)).resolves.toEqual(anyString);
    expect(cli.stdout()).toContain(demoCredentials.email);
    expect(cli.stdout()).toContain(demoCredentials.accessToken);
    cli.child.kill('SIGINT');
    await expect(cli.exited).resolves.toBe(0);
    expect(cli.stdout()).toContain('Stopped');
  }, 15_000);

  it.each([
    [['sandbox', '--bogus']],
    [['sandbox', '--port', 'abc']],
    [['sandbox', '--port', '70000']],
    [['sandbox', '--port']],
    [['sandbox', '--faults', 'nope=1']],
    [['sandbox', '--faults', 'error5xx=2']],
    [['sandbox', '--balance', '-5']],
    [['sandbox', '--balance', '10.001']],
    [['sandbox', '--latency-ms', 'soon']],
    [['sandbox', '--page-base', '2']],
    [['sandbox', '--list-envelope', 'Rows']],
    [['sandbox', '--page-cap', '0']],
    [['sandbox', '--variable-shape', 'triple']],
    [['sandbox', '--strict=yes']],
    [['sandbox', 'stray']],
    [['launch']],
    [[]],
  ])('exits 4 with the usage on stderr for %j', async (args) => {
    const cli = run(args);
    await expect(cli.exited).resolves.toBe(4);
    expect(cli.stderr()).toContain('Usage: giftbatch');
    expect(cli.stdout()).toBe('');
  });

  it('passes the exit code through npx', async () => {
    const cli = run(['sandbox', '--port', 'abc'], 'npx');
    await expect(cli.exited).resolves.toBe(4);
    expect(cli.stderr()).toContain('--port must be a whole number');
  }, 30_000);

  it('prints help on --help and exits 0', async () => {
    const cli = run(['sandbox', '--help']);
    await expect(cli.exited).resolves.toBe(0);
    expect(cli.stdout()).toContain('Usage: giftbatch sandbox');
    for (const flag of [
      '--strict',
      '--page-base 0|1',
      '--list-envelope',
      '--page-cap N',
      '--variable-shape',
    ]) {
      expect(cli.stdout()).toContain(flag);
    }
  });
});
