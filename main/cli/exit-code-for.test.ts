import { describe, expect, it } from 'vitest';
import { appErrorCodes } from '../../common/errors.ts';
import { exitCodeAfterCommit, exitCodeForError } from './exit-code-for.ts';

describe('exit codes for errors', () => {
  it('before a commit: the provider or the way to it 5, a local mistake 4, the batch itself 1', () => {
    expect(Object.fromEntries(appErrorCodes.map((code) => [code, exitCodeForError(code)]))).toEqual({
      validation: 1,
      invalid_request: 1,
      duplicate_po: 1,
      insufficient_funds: 1,
      internal: 1,
      not_found: 4,
      untrusted_sender: 4,
      unknown_channel: 4,
      unauthorized: 5,
      forbidden: 5,
      rate_limited: 5,
      timeout: 5,
      unavailable: 5,
      network: 5,
      bad_response: 5,
      not_configured: 5,
      unsupported_response: 5,
    });
  });

  it('after a commit: never 1 or 4; funds pause (3), the provider 5, anything else interrupted (6)', () => {
    const codes = Object.fromEntries(appErrorCodes.map((code) => [code, exitCodeAfterCommit(code)]));
    expect(codes).toMatchObject({ insufficient_funds: 3, unauthorized: 5, network: 5, validation: 6 });
    expect(Object.values(codes).filter((exit) => exit === 1 || exit === 4)).toEqual([]);
  });
});
