import { noCipher } from '../../main/credentials/credentials-vault.ts';
import { createLogger, type LogRecord } from '../../main/logging/logger.ts';
import { createMainServices, type MainServices } from '../../main/services.ts';
import { packageInfo } from './package-info.ts';

export interface TestServices extends MainServices {
  /** Every record the services logged, after redaction, for tests that check what reaches a log. */
  readonly logRecords: LogRecord[];
}

/**
 * The real main-process services, as the Electron shell builds them, with an inspectable log;
 * `scheduleCheckMs` looks at scheduled batches more often than the app's 15 s.
 */
export const createTestServices = async (
  dataDir: string,
  options: { readonly scheduleCheckMs?: number } = {},
): Promise<TestServices> => {
  const logRecords: LogRecord[] = [];
  const services = await createMainServices({
    productName: packageInfo.productName,
    version: packageInfo.version,
    dataDir,
    logger: createLogger((record) => logRecords.push(record)),
    cipher: noCipher,
    ...(options.scheduleCheckMs === undefined ? {} : { scheduleCheckMs: options.scheduleCheckMs }),
  });
  return { ...services, logRecords };
};
