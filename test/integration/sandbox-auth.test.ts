import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials, disabledCredentials } from '../../main/sandbox/demo-credentials.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const start = async (options: SandboxOptions = {}): Promise<RunningSandbox> => {
  sandbox = await startSandbox(options);
  return sandbox;
};

const requestToken = async (url: string, headers: Record<string, string>) => {
  const response = await fetch(`${url}/v1/Tokens`, { method: 'POST', headers });
  return { status: response.status, body: (await response.json()) as unknown };
};

const tokenValue = (body: unknown): string => {
  if (typeof body === 'object' && body !== null && 'Value' in body && typeof body.Value === 'string') {
    return body.Value;
  }
  throw new Error(`no token in ${JSON.stringify(body)}`);
};

const balanceStatus = async (url: string, authorization?: string): Promise<number> =>
  (await fetch(`${url}/v1/Balance`, { headers: authorization === undefined ? {} : { authorization } }))
    .status;

describe('POST /v1/Tokens', () => {
  it('issues an opaque bearer token for the demo account, with ExpiresIn in seconds', async () => {
    const { url } = await start();
    const answer = await requestToken(url, {
      Email: demoCredentials.email,
      AccessToken: demoCredentials.accessToken,
    });
    expect(answer).toEqual({ status: 200, body: { Value: anyString, ExpiresIn: 3600 } });
    expect(tokenValue(answer.body).length).toBeGreaterThanOrEqual(32);
    await expect(balanceStatus(url, `Bearer ${tokenValue(answer.body)}`)).resolves.toBe(200);
  });

  it('reads the credential headers whatever their casing, and mints a different token each time', async () => {
    const { url } = await start();
    const first = await requestToken(url, {
      EMAIL: demoCredentials.email,
      accesstoken: demoCredentials.accessToken,
    });
    const second = await requestToken(url, {
      email: demoCredentials.email,
      ACCESSTOKEN: demoCredentials.accessToken,
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(tokenValue(first.body)).not.toBe(tokenValue(second.body));
    await expect(balanceStatus(url, `bearer ${tokenValue(first.body)}`)).resolves.toBe(200);
  });

  it.each([
    ['a wrong access token', { Email: demoCredentials.email, AccessToken: 'wrong' }],
    ['an unknown email', { Email: 'someone@example.org', AccessToken: demoCredentials.accessToken }],
    ['no headers', {}],
    [
      'the disabled account with a wrong access token',
      { Email: disabledCredentials.email, AccessToken: 'wrong' },
    ],
  ])('answers 401 with a Message for %s', async (_case, headers) => {
    const { url } = await start();
    await expect(requestToken(url, headers)).resolves.toEqual({
      status: 401,
      body: { Message: anyString },
    });
  });

  it('answers 403 for the account whose API access is disabled', async () => {
    const { url } = await start();
    const answer = await requestToken(url, {
      Email: disabledCredentials.email,
      AccessToken: disabledCredentials.accessToken,
    });
    expect(answer).toEqual({ status: 403, body: { Message: anyString } });
  });

  it('takes the token lifetime from the fault plan', async () => {
    const running = await start({ faults: { tokenTtlSeconds: 30 } });
    const headers = { Email: demoCredentials.email, AccessToken: demoCredentials.accessToken };
    expect((await requestToken(running.url, headers)).body).toMatchObject({ ExpiresIn: 30 });
    running.setFaults({ tokenTtlSeconds: 5 });
    expect((await requestToken(running.url, headers)).body).toMatchObject({ ExpiresIn: 5 });
  });
});

describe('bearer tokens on the other /v1 routes', () => {
  it('answers 401 without a token, with an unknown one, or with another scheme', async () => {
    const { url } = await start();
    await expect(balanceStatus(url)).resolves.toBe(401);
    await expect(balanceStatus(url, 'Bearer not-a-token-we-issued')).resolves.toBe(401);
    await expect(balanceStatus(url, `Basic ${demoCredentials.accessToken}`)).resolves.toBe(401);
    const answer = await fetch(`${url}/v1/Products`);
    expect({ status: answer.status, body: (await answer.json()) as unknown }).toEqual({
      status: 401,
      body: { Message: anyString },
    });
  });

  it('answers 401 once the token has expired', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const { url } = await start({ faults: { tokenTtlSeconds: 2 }, now: () => clock });
    const token = tokenValue(
      (await requestToken(url, { Email: demoCredentials.email, AccessToken: demoCredentials.accessToken }))
        .body,
    );
    clock += 1_999;
    await expect(balanceStatus(url, `Bearer ${token}`)).resolves.toBe(200);
    clock += 1;
    await expect(balanceStatus(url, `Bearer ${token}`)).resolves.toBe(401);
  });

  it('leaves the simulator routes open', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/_sim/stats`)).status).toBe(200);
    expect((await fetch(`${url}/_sim/faults`)).status).toBe(200);
  });
});
