import { z } from 'zod';
import { defaultFaultPlan, mergeFaults, type FaultPlan } from './fault-plan.ts';
import type { LifecycleSettings } from './order-lifecycle.ts';
import { orderDialectSchema, type OrderDialect, type OrderDialectOptions } from './order-dialect.ts';

export interface SandboxOptions {
  /** Default 0 = random free port; always binds 127.0.0.1. */
  port?: number;
  /** Persist state to this JSON file: loaded at start if it exists, saved on change and on close. */
  statePath?: string;
  /** Initial Available balance (default 1_000_000 = 10,000.00); ignored when state is loaded from a file. */
  balanceCents?: number;
  faults?: Partial<FaultPlan>;
  /** Orders with more than this many cards in total go Pending (default 10). */
  pendingThresholdCards?: number;
  /** Pending → terminal after this (default 2000–5000). */
  completionDelayMs?: { min: number; max: number };
  /** For PONumbers starting SLOW- (default 120_000). */
  slowCompletionDelayMs?: number;
  /** Injectable for deterministic tests (default Math.random). */
  random?: () => number;
  /** The sandbox's clock, epoch ms: tests move it to expire tokens (default Date.now). */
  now?: () => number;
  /** How orders look on the wire where the docs leave it open: 409 body, status names, PONumber echo. */
  orderDialect?: OrderDialectOptions;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly statePath: string | undefined;
  readonly balanceCents: number;
  readonly faults: FaultPlan;
  readonly lifecycle: LifecycleSettings;
  readonly now: () => number;
  readonly orderDialect: OrderDialect;
}

const delayMs = z
  .number()
  .min(0)
  .max(2 ** 31 - 1);

const optionsSchema = z.object({
  port: z.int().min(0).max(65_535).default(0),
  statePath: z.string().min(1).optional(),
  balanceCents: z.int().nonnegative().default(1_000_000),
  pendingThresholdCards: z.int().nonnegative().default(10),
  completionDelayMs: z
    .object({ min: delayMs, max: delayMs })
    .refine((range) => range.min <= range.max, 'min must not exceed max')
    .default({ min: 2000, max: 5000 }),
  slowCompletionDelayMs: delayMs.default(120_000),
});

const resolveOrderDialect = (options: OrderDialectOptions | undefined): OrderDialect => {
  const parsed = orderDialectSchema.safeParse(options ?? {});
  if (!parsed.success) throw new Error(`Invalid sandbox order dialect: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/** Defaults filled in and values checked; a bad option is a programming error, so it throws. */
export const resolveOptions = (options: SandboxOptions): ResolvedOptions => {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`Invalid sandbox options: ${z.prettifyError(parsed.error)}`);
  const { port, statePath, balanceCents, pendingThresholdCards, completionDelayMs, slowCompletionDelayMs } =
    parsed.data;
  return {
    port,
    statePath,
    balanceCents,
    faults: mergeFaults(defaultFaultPlan, options.faults ?? {}),
    lifecycle: {
      pendingThresholdCards,
      completionDelayMs,
      slowCompletionDelayMs,
      random: options.random ?? Math.random,
    },
    now: options.now ?? Date.now,
    orderDialect: resolveOrderDialect(options.orderDialect),
  };
};
