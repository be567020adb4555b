import { createLogger, type LogRecord } from '../../main/logging/logger.ts';
import { createMainServices, type MainServices } from '../../main/services.ts';
import { packageInfo } from './package-info.ts';

export interface TestServices extends MainServices {
  /** Every record the services logged, after redaction, for tests that check what reaches a log. */
  readonly logRecords: LogRecord[];
}

/** The real main-process services, as the Electron shell builds them, with an inspectable log. */
export const createTestServices = (dataDir: string): TestServices => {
  const logRecords: LogRecord[] = [];
  const services = createMainServices({
    productName: packageInfo.productName,
    version: packageInfo.version,
    environment: 'sandbox',
    dataDir,
    logger: createLogger((record) => logRecords.push(record)),
  });
  return { ...services, logRecords };
};
