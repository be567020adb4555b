import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStderrLogger } from '../logging/logger.ts';
import { createAdminRoutes } from './admin-routes.ts';
import { createClaimPageRoutes } from './claim-page.ts';
import { demoCredentials } from './demo-credentials.ts';
import {
  drawRequestFault,
  gatewayTimeout,
  happens,
  responseDelayMs,
  truncateJson,
} from './fault-injection.ts';
import { mergeFaults, type FaultPlan } from './fault-plan.ts';
import { message, serializeReply, singleHeader, writeSerialized, type Reply } from './http-io.ts';
import { createOrderRoutes } from './order-routes.ts';
import { createRequestStats, orderCreateRoute } from './request-stats.ts';
import { matchRoute, type Route } from './route.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { resolveOptions, type SandboxOptions } from './sandbox-options.ts';
import { createSandboxState } from './sandbox-state.ts';
import {
  emptySnapshot,
  newSandboxId,
  readStateFile,
  writeStateFile,
  type StateSnapshot,
} from './state-file.ts';
import { createStateSaver } from './state-saver.ts';
import { strictRequestRefusal } from './strict-wire.ts';
import { createTokenStore } from './token-store.ts';
import { createV1Routes } from './v1-routes.ts';
import { createWebhookSender } from './webhook-sender.ts';
import { orderToWire } from './wire-format.ts';

export type { SandboxOptions } from './sandbox-options.ts';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:43121 (no trailing slash). */
  readonly url: string;
  /** Which sandbox this is: the same across restarts on one state file, different for any other. */
  readonly id: string;
  readonly credentials: { email: string; accessToken: string };
  setFaults(faults: Partial<FaultPlan>): void;
  /** Stops listening, closes sockets, saves state if statePath. */
  close(): Promise<void>;
}

const maxTimerDelayMs = 2 ** 31 - 1;

const bearerToken = (request: IncomingMessage): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(singleHeader(request, 'authorization') ?? '')?.[1];

/** A faithful local stand-in for the GiftCard Partners B2B API v1, on 127.0.0.1 (docs/provider-api.md §3–13). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const settings = resolveOptions(options);
  const { random } = settings.lifecycle;
  const { now } = settings;
  const logger = createStderrLogger();
  const { statePath } = settings;
  const loaded = statePath === undefined ? undefined : await readStateFile(statePath);
  const snapshot: StateSnapshot =
    loaded === undefined
      ? emptySnapshot(settings.balanceCents)
      : { ...loaded, id: loaded.id ?? newSandboxId() };
  // A new state, or one saved before identities existed, has its id on disk before anyone can learn it.
  if (statePath !== undefined && loaded?.id === undefined) await writeStateFile(statePath, snapshot);

  let baseUrl = '';
  let faults = settings.faults;
  let settleTimer: NodeJS.Timeout | undefined;
  const closing = new AbortController();
  const webhooks = createWebhookSender(logger);
  const saver =
    statePath === undefined
      ? undefined
      : createStateSaver(
          () => writeStateFile(statePath, state.snapshot()),
          (error: unknown) => logger.error('sandbox.state_save_failed', { error }),
        );

  // Pending orders settle on a timer and, in case a timer is late or the clock moved, at every request.
  const armSettleTimer = () => {
    clearTimeout(settleTimer);
    const dueAt = state.nextDueAt();
    if (dueAt === undefined || closing.signal.aborted) return;
    settleTimer = setTimeout(settleDue, Math.min(maxTimerDelayMs, Math.max(0, dueAt - now())));
  };
  const settleDue = () => {
    state.settleDue(now());
    armSettleTimer();
  };
  const state = createSandboxState(snapshot, {
    changed: () => {
      saver?.changed();
      armSettleTimer();
    },
    settled: (order) => {
      if (order.webhookUrl !== null) webhooks.send(order.webhookUrl, orderToWire(order, baseUrl));
    },
  });

  const stats = createRequestStats();
  const tokens = createTokenStore();
  const context: SandboxContext = {
    id: snapshot.id,
    state,
    tokens,
    stats,
    lifecycle: settings.lifecycle,
    variations: settings.variations,
    orderDialect: settings.orderDialect,
    random,
    now,
    faults: () => faults,
    setFaults: (partial) => {
      faults = mergeFaults(faults, partial);
    },
    resetFaults: () => {
      faults = settings.faults;
    },
    baseUrl: () => baseUrl,
  };
  const routes: Route[] = [
    ...createV1Routes(context),
    ...createOrderRoutes(context),
    ...createAdminRoutes(context),
    ...createClaimPageRoutes(context),
  ];

  const answer = async (request: IncomingMessage, url: URL, route: Route, params: readonly string[]) => {
    const plan = faults;
    const refusal =
      (route.isApi ? drawRequestFault(plan, random) : undefined) ??
      (route.name === orderCreateRoute && happens(plan.timeoutBeforeCreate, random)
        ? gatewayTimeout(plan, random)
        : undefined) ??
      (settings.variations.strict ? strictRequestRefusal(request, route) : undefined) ??
      (route.requiresToken && !tokens.isValid(bearerToken(request) ?? '', now())
        ? message(401, 'The bearer token is missing, invalid or expired.')
        : undefined);
    const reply = refusal ?? (await route.handle({ request, url, params }));
    // What the client is about to learn (an order made, a balance moved) is on disk first.
    await saver?.durable();
    // The work is done before the delay, so a client that gives up waiting has still placed its order.
    if (route.isApi) await sleep(responseDelayMs(plan, random), undefined, { signal: closing.signal });
    return { reply, isCorrupted: route.isApi && isSuccess(reply) && happens(plan.malformedJson, random) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', baseUrl);
    const match = matchRoute(routes, method, url.pathname, settings.variations.strict);
    stats.countRequest(match?.route.name ?? `${method} (unmatched)`);
    settleDue();
    if (match === undefined) {
      writeSerialized(response, serializeReply(message(404, `No route for ${method} ${url.pathname}.`)));
      return;
    }
    const { reply, isCorrupted } = await answer(request, url, match.route, match.params);
    if (reply.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    const serialized = serializeReply(reply);
    writeSerialized(
      response,
      isCorrupted ? { ...serialized, body: truncateJson(serialized.body) } : serialized,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (closing.signal.aborted) return;
      logger.error('sandbox.request_failed', { method: request.method, error });
      writeSerialized(response, serializeReply(message(500, 'Internal sandbox error.')));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  settleDue();

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    id: snapshot.id,
    credentials: { ...demoCredentials },
    setFaults: (partial) => context.setFaults(partial),
    close: () =>
      (closed ??= (async () => {
        closing.abort();
        clearTimeout(settleTimer);
        webhooks.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await saver?.durable();
      })()),
  };
}

const isSuccess = (reply: Reply): boolean =>
  reply.kind === 'json' && reply.status >= 200 && reply.status < 300;
