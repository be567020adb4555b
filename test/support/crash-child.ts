import { defaultSendingSettings, type SendingSettings } from '../../common/contract/sending-settings.ts';
import { ok } from '../../common/result.ts';
import { createGcpClient } from '../../main/api/gcp-client.ts';
import { createBatchCore } from '../../main/batches/batch-core.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { createLogger, createStderrLogger } from '../../main/logging/logger.ts';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { crashChildArgsSchema, type CrashChildLine } from './crash-plan.ts';

/**
 * One sending process for the crash test (test/integration/engine-crash.test.ts): the real engine on the
 * real ledger file, sending (or resuming) one batch to the sandbox, as the CLI would. Given a kill, it
 * SIGKILLs itself at that step; otherwise the parent may kill it at any moment.
 */
const args = crashChildArgsSchema.parse(JSON.parse(process.argv[2] ?? 'null'));
// Pipes are synchronous on Linux, so a line written just before a SIGKILL still reaches the parent.
const say = (line: CrashChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

const db = openLedger(args.dataDir);
// Quick backoff: a lost answer (timeoutAfterCreate) is retried at once, and the 409 finds the order.
const client = createGcpClient({
  baseUrl: args.sandboxUrl,
  credentials: () => demoCredentials,
  logger: createLogger(() => undefined),
  balanceSupported: true,
  retry: { maxAttempts: 6, baseDelayMs: 2, maxDelayMs: 20 },
});
// 40 requests a second keeps each killed run to a dozen rows or so, so 300 rows outlast every kill.
const settings: SendingSettings = { ...defaultSendingSettings, concurrency: 4, requestsPerSecond: 40 };

let reached = 0;
const { engine } = createBatchCore({
  ledger: db,
  client: () => Promise.resolve(ok(client)),
  catalog: () => client.listProducts(),
  sending: () => settings,
  destination: () => ({ environment: 'sandbox', provider: args.sandboxUrl }),
  logger: createStderrLogger(),
  onProgress: () => undefined,
  engine: {
    firstPollMs: 50,
    onStep: (step, _batchId, rowNo, rowNos) => {
      if (args.kill?.step !== step) return;
      reached += 1;
      if (reached < args.kill.at) return;
      say({ kind: 'killing', step, rowNo, rowNos: [...(rowNos ?? [rowNo])] });
      process.kill(process.pid, 'SIGKILL');
    },
  },
});

say({ kind: 'started' });
const result = await engine.run(args.batchId);
db.close();
if (!result.ok) {
  process.stderr.write(`${result.error.message}\n`);
  process.exit(1);
}
say({ kind: 'finished', status: result.value.status, fulfilled: result.value.counts.fulfilled });
// Keep-alive sockets to the sandbox would hold the process open for seconds more.
process.exit(0);
