import { describe, expect, it } from 'vitest';
import { destinationMismatch, destinationOf, sandboxProvider } from './destination.ts';

const sandboxConnection = {
  state: () => ({ environment: 'sandbox' as const, baseUrl: 'http://127.0.0.1:1' }),
};
const builtIn = (id: string | undefined) => ({ isBuiltIn: true, identity: () => id });
const running = (id: string | undefined) => ({ isBuiltIn: false, identity: () => id });

describe('where a batch goes', () => {
  it('names a sandbox by its identity, not its port', () => {
    expect(destinationOf(sandboxConnection, running('sbx_a'))).toEqual({
      environment: 'sandbox',
      provider: 'sandbox:sbx_a',
    });
    expect(destinationOf(sandboxConnection, builtIn('sbx_b'))).toMatchObject({ provider: 'sandbox:sbx_b' });
  });

  it('names staging and production by their base URL', () => {
    const staging = {
      state: () => ({ environment: 'staging' as const, baseUrl: 'https://staging.example' }),
    };
    expect(destinationOf(staging, builtIn('sbx_a'))).toEqual({
      environment: 'staging',
      provider: 'https://staging.example',
    });
  });
});

describe('whether a batch may carry on where GiftBatch is connected now', () => {
  const recordedOn = (provider: string) => ({ environment: 'sandbox', provider });

  it('lets it resume on the sandbox it was sent to, restarted on another port or not', () => {
    const now = destinationOf(sandboxConnection, running('sbx_a'));
    expect(destinationMismatch('B1', recordedOn(sandboxProvider('sbx_a')), now)).toBeUndefined();
  });

  it('refuses another sandbox, whose orders are not its own', () => {
    const now = destinationOf(sandboxConnection, running('sbx_b'));
    expect(destinationMismatch('B1', recordedOn(sandboxProvider('sbx_a')), now)).toContain(
      'Batch B1 was sent to another sandbox (sandbox:sbx_a) than the one GiftBatch is connected to now (sandbox:sbx_b)',
    );
  });

  it('refuses a sandbox that could not say which one it is', () => {
    const now = destinationOf(sandboxConnection, running(undefined));
    expect(destinationMismatch('B1', recordedOn(sandboxProvider('sbx_a')), now)).toContain(
      'cannot tell which sandbox it is connected to now',
    );
  });

  it('resumes a batch recorded before sandboxes had identities on the built-in sandbox only', () => {
    const legacy = recordedOn('sandbox');
    expect(
      destinationMismatch('B1', legacy, destinationOf(sandboxConnection, builtIn('sbx_a'))),
    ).toBeUndefined();
    expect(destinationMismatch('B1', legacy, destinationOf(sandboxConnection, running('sbx_a')))).toContain(
      'another sandbox',
    );
    const production = {
      state: () => ({ environment: 'production' as const, baseUrl: 'https://p.example' }),
    };
    expect(destinationMismatch('B1', legacy, destinationOf(production, builtIn('sbx_a')))).toContain(
      'Switch back to sandbox in Settings',
    );
  });
});
