import { hostname, userInfo } from 'node:os';

/**
 * Who committed a batch, for the audit record: the OS user name and host ("pat@finance-laptop"). An
 * account without a user name (some containers) is recorded by its uid.
 */
export const currentOperator = (): string => {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = `uid ${String(process.getuid?.() ?? '?')}`;
  }
  return `${name}@${hostname()}`;
};
