import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { noCipher } from '../../main/credentials/credentials-vault.ts';
import { createStderrLogger } from '../../main/logging/logger.ts';
import { createMainServices } from '../../main/services.ts';
import { startBridgeServer } from './bridge-server.ts';
import { packageInfo } from './package-info.ts';

/**
 * `npm run start:browser`: the built renderer in any browser, against the real main-process services,
 * for machines without an Electron binary (CI boxes, this project's build machines).
 */
const dataDir = process.env.GIFTBATCH_DATA_DIR ?? path.join(tmpdir(), 'giftbatch-browser');
await mkdir(dataDir, { recursive: true });
const services = await createMainServices({
  productName: packageInfo.productName,
  version: packageInfo.version,
  dataDir,
  logger: createStderrLogger(),
  cipher: noCipher,
});
const bridge = await startBridgeServer({
  services,
  rendererDir: path.join(import.meta.dirname, '../../out/renderer'),
});
process.stdout.write(
  `GiftBatch is running at ${bridge.url} (data folder ${dataDir}). Press Ctrl+C to stop.\n`,
);

const stop = () => {
  void Promise.all([bridge.close(), services.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
