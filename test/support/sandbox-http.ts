import { z } from 'zod';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server.ts';

/** A status and the parsed JSON body. */
export interface SandboxAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface SandboxRequest {
  /** Sent as is when a string, else as JSON; nothing when undefined. */
  readonly body?: unknown;
  /** The bearer token to send: the signed-in one by default, none when null. */
  readonly bearer?: string | null;
}

/**
 * The sandbox a test file works against, signed in as the demo account. `start` may be called again (after
 * `close`, if the old one should stop) to restart with other options; every request goes to the one started last.
 * Its functions need no `this`, so they can be destructured.
 */
export interface SignedInSandbox {
  /** Starts a sandbox with `options` over the defaults and signs in, before any test fault can hit the sign-in. */
  start: (options?: SandboxOptions) => Promise<RunningSandbox>;
  /** Closes the sandbox started last, if any. */
  close: () => Promise<void>;
  readonly url: string;
  readonly token: string;
  /** An authorised request, answered as it arrives. */
  request: (method: string, path: string, request?: SandboxRequest) => Promise<Response>;
  /** An authorised request with a JSON body, answered with the status and the parsed JSON. */
  call: (method: string, path: string, body?: unknown) => Promise<SandboxAnswer>;
  /** Every order the sandbox holds, from its (unauthenticated) admin route. */
  simOrders: () => Promise<{ Id: string; PONumber: string }[]>;
  /** The sandbox's request counters, from its (unauthenticated) admin route. */
  simStats: () => Promise<unknown>;
}

const tokenSchema = z.object({ Value: z.string() });
const simOrdersSchema = z.array(z.object({ Id: z.string(), PONumber: z.string() }));

/** Signs in as the demo account and returns the bearer token. */
export const signIn = async (url: string): Promise<string> => {
  const response = await fetch(`${url}/v1/Tokens`, {
    method: 'POST',
    headers: { Email: demoCredentials.email, AccessToken: demoCredentials.accessToken },
  });
  return tokenSchema.parse(await response.json()).Value;
};

export const signedInSandbox = (defaults: SandboxOptions = {}): SignedInSandbox => {
  let current: { readonly running: RunningSandbox; token: string } | undefined;
  const started = () => {
    if (current === undefined) throw new Error('no sandbox is running');
    return current;
  };
  const request = (method: string, path: string, { body, bearer = started().token }: SandboxRequest = {}) =>
    fetch(`${started().running.url}${path}`, {
      method,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const admin = async (path: string) =>
    (await fetch(`${started().running.url}${path}`)).json() as Promise<unknown>;

  return {
    start: async (options = {}) => {
      const running = await startSandbox({ ...defaults, ...options });
      // Held before signing in, so that `close` stops it even if the sign-in fails.
      current = { running, token: '' };
      current.token = await signIn(running.url);
      return running;
    },
    close: async () => {
      await current?.running.close();
      current = undefined;
    },
    get url() {
      return started().running.url;
    },
    get token() {
      return started().token;
    },
    request,
    call: async (method, path, body) => {
      const response = await request(method, path, { body });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    simOrders: async () => simOrdersSchema.parse(await admin('/_sim/orders')),
    simStats: () => admin('/_sim/stats'),
  };
};
