import type { AppInfo } from '../../../common/contract/app.ts';
import { ok } from '../../../common/result.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createAppHandlers = (info: () => AppInfo): Pick<CallHandlers, 'app:get-info'> => ({
  'app:get-info': () => Promise.resolve(ok(info())),
});
