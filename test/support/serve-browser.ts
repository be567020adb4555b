import path from 'node:path';
import { resolveBrowserDataDir } from '../../main/cli/data-dir.ts';
import { noCipher } from '../../main/credentials/credentials-vault.ts';
import { createStderrLogger } from '../../main/logging/logger.ts';
import { createMainServices } from '../../main/services.ts';
import { securePrivateFolder } from '../../main/storage/private-folder.ts';
import { startBridgeServer } from './bridge-server.ts';
import { packageInfo } from './package-info.ts';

/**
 * `npm run start:browser`: the built renderer in any browser, against the real main-process services,
 * for machines without an Electron binary (CI boxes, this project's build machines).
 */
const dataDir = resolveBrowserDataDir(process.env);
securePrivateFolder(dataDir);
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
// The only place the key is shown: whoever has this address can send rewards with this data folder.
process.stdout.write(
  `GiftBatch is running. Open this address (it carries this run's access key; keep it to yourself):\n  ${bridge.url}\nData folder: ${dataDir}. Press Ctrl+C to stop.\n`,
);

const stop = () => {
  void Promise.all([bridge.close(), services.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
