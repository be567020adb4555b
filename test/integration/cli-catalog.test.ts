import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { killStartedClis, runCli } from '../fixtures/cli/run-cli.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
let sandbox: RunningSandbox | undefined;
let stranger: Server | undefined;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-catalog-');
});
afterEach(async () => {
  killStartedClis();
  await sandbox?.close();
  sandbox = undefined;
  stranger?.close();
  stranger = undefined;
  await dir.remove();
});

const catalog = (url: string, ...flags: string[]) =>
  runCli(['catalog', '--env', 'sandbox', '--api-url', url, '--data-dir', dir.path, ...flags]);

const productsSchema = z.array(
  z.object({ id: z.string(), amounts: z.object({ kind: z.string(), problem: z.string().optional() }) }),
);

describe('giftbatch catalog', () => {
  it('lists every product, a product whose amounts could not be read marked so, with the reason', async () => {
    sandbox = await startSandbox({ variations: { strict: true, pageBase: 0, variableShape: 'none' } });
    const text = await catalog(sandbox.url);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^TRAILMARK-OUTFITTERS {2}Trailmark Outfitters eGift Card {2}not readable from the provider's catalog: DenominationType is Variable but no range is stated/m,
    );
    expect(text.stdout).toMatch(
      /^NORTHWIND-COFFEE {2}Northwind Coffee eGift Card {2}\$10\.00, \$25\.00, \$50\.00/m,
    );
    expect(text.stdout).toMatch(/^24 products, 7 with amounts that could not be read\.$/m);

    const json = productsSchema.parse(JSON.parse((await catalog(sandbox.url, '--json')).stdout));
    expect(json.find((product) => product.id === 'TRAILMARK-OUTFITTERS')?.amounts.kind).toBe('unreadable');
  }, 60_000);

  it('exits 5 naming what it did not understand, after a single request', async () => {
    let productRequests = 0;
    stranger = createServer((request, response) => {
      const isTokens = request.url?.startsWith('/v1/Tokens') === true;
      if (request.url?.startsWith('/v1/Products') === true) productRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(isTokens ? { Value: 't', ExpiresIn: 3600 } : { Rows: [] }));
    });
    await new Promise<void>((resolve) => stranger?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((stranger.address() as AddressInfo).port)}`;
    const result = await catalog(url);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('found an object with rows');
    expect(result.stderr).toContain('Trying again will not help');
    expect(productRequests).toBe(1);
  }, 60_000);
});
