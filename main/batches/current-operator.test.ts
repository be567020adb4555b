import { hostname, userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentOperator } from './current-operator.ts';

describe('currentOperator', () => {
  it('names the OS user and this host', () => {
    expect(currentOperator()).toEqual({ user: userInfo().username, host: hostname() });
  });
});
