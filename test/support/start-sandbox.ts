import { z } from 'zod';
import { createGcpClient, type GcpClient, type GcpClientOptions } from '../../main/api/gcp-client.ts';
import { createLogger, type LogRecord } from '../../main/logging/logger.ts';
import { defaultFaultPlan, type FaultPlan } from '../../main/sandbox/fault-plan.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server.ts';

export interface SandboxUnderTest {
  readonly sandbox: RunningSandbox;
  readonly client: GcpClient;
  readonly logRecords: LogRecord[];
  /** Every order the sandbox holds, from its admin route: the ground truth for "exactly one per PO". */
  orders(): Promise<{ poNumber: string; id: string; status: string }[]>;
  stats(): Promise<{ orderCreateRequests: number; ordersCreated: number }>;
  /** Faults that hit the first attempt only: they are lifted when the client backs off to retry. */
  faultFirstAttempt(faults: Partial<FaultPlan>): void;
  close(): Promise<void>;
}

const simOrdersSchema = z.array(z.object({ PONumber: z.string(), Id: z.string(), Status: z.string() }));
const simStatsSchema = z.object({ orderCreateRequests: z.number(), ordersCreated: z.number() });

/** The real sandbox on a random loopback port and the real client pointed at it. */
export const startSandboxWithClient = async (
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<GcpClientOptions> = {},
): Promise<SandboxUnderTest> => {
  const sandbox = await startSandbox({ completionDelayMs: { min: 50, max: 100 }, ...sandboxOptions });
  const logRecords: LogRecord[] = [];
  let liftOnRetry = false;
  const client = createGcpClient({
    baseUrl: sandbox.url,
    credentials: () => sandbox.credentials,
    logger: createLogger((record) => logRecords.push(record)),
    balanceSupported: true,
    retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 5 },
    sleep: () => {
      if (liftOnRetry) sandbox.setFaults(defaultFaultPlan);
      liftOnRetry = false;
      return Promise.resolve();
    },
    ...clientOptions,
  });
  const admin = async (path: string) => (await fetch(`${sandbox.url}${path}`)).json() as Promise<unknown>;
  return {
    sandbox,
    client,
    logRecords,
    orders: async () =>
      simOrdersSchema.parse(await admin('/_sim/orders')).map((order) => ({
        poNumber: order.PONumber,
        id: order.Id,
        status: order.Status,
      })),
    stats: async () => simStatsSchema.parse(await admin('/_sim/stats')),
    faultFirstAttempt: (faults) => {
      liftOnRetry = true;
      sandbox.setFaults(faults);
    },
    close: () => sandbox.close(),
  };
};
