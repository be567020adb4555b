import { hostname, userInfo } from 'node:os';
import type { Operator } from '../../common/contract/audit.ts';

/**
 * The OS user and host running this process, recorded as who committed a batch or made an export.
 * userInfo throws where the user has no passwd entry (some containers); the environment still names them.
 */
export const currentOperator = (): Operator => {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return { user, host: hostname() };
};
