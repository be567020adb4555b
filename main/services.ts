import type { Environment } from '../common/contract/app.ts';
import { createEventHub, type EventHub } from './events/event-hub.ts';
import type { CallHandlers } from './ipc/call-handlers.ts';
import { createAppHandlers } from './ipc/handlers/app.handlers.ts';
import type { Logger } from './logging/logger.ts';

export interface MainServicesOptions {
  readonly productName: string;
  readonly version: string;
  readonly environment: Environment;
  readonly dataDir: string;
  readonly logger: Logger;
}

export interface MainServices {
  readonly handlers: CallHandlers;
  readonly events: EventHub;
  readonly logger: Logger;
}

/**
 * Every main-process service, built from plain Node modules. The Electron shell and the test
 * bridge both start from here, so what the tests exercise is what the app runs.
 */
export const createMainServices = (options: MainServicesOptions): MainServices => {
  const events = createEventHub();
  const handlers: CallHandlers = {
    ...createAppHandlers({
      productName: options.productName,
      version: options.version,
      environment: options.environment,
      dataDir: options.dataDir,
    }),
  };
  return { handlers, events, logger: options.logger };
};
