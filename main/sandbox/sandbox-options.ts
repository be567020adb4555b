import { z } from 'zod';
import { err, ok, type Result } from '../../common/result.ts';
import { defaultFaultPlan, mergeFaults, type FaultPlan } from './fault-plan.ts';
import type { LifecycleSettings } from './order-lifecycle.ts';
import { orderDialectSchema, type OrderDialect, type OrderDialectOptions } from './order-dialect.ts';

/** Where a list's items sit in the answer: `none` is a bare array; `Products` names each list after its resource. */
export const listEnvelopes = ['Data', 'Items', 'Products', 'Results', 'Value', 'none'] as const;
export type ListEnvelope = (typeof listEnvelopes)[number];

/** The field holding a list's total count, or `none` for lists without one. */
export const listTotals = ['TotalCount', 'Total', 'none'] as const;
export type ListTotal = (typeof listTotals)[number];

/**
 * How a variable-value product states its range: `pair` as `[min, max]` in Denominations, `minmax` as
 * MinValue/MaxValue, `restrictions` as ValueRestrictions { MinValue, MaxValue }, `none` not at all.
 */
export const variableShapes = ['pair', 'minmax', 'restrictions', 'none'] as const;
export type VariableShape = (typeof variableShapes)[number];

/**
 * Ways the real provider may legitimately differ from the notes' guesses, and a strict reading of its
 * documented wire (docs/provider-api.md §13.19). The defaults are the sandbox as the notes describe it.
 */
const variationsSchema = z.object({
  /** Exact path case, PascalCase keys only, JSON numbers, credential headers on /v1/Tokens only. */
  strict: z.boolean().default(false),
  /** The index of a list's first page. */
  pageBase: z.union([z.literal(0), z.literal(1)]).default(1),
  listEnvelope: z.enum(listEnvelopes).default('Data'),
  listTotal: z.enum(listTotals).default('TotalCount'),
  /** Pages never hold more than this, whatever pageSize asks for. */
  pageCap: z.int().min(1).optional(),
  variableShape: z.enum(variableShapes).default('pair'),
});
export type ProviderVariations = z.output<typeof variationsSchema>;

export interface SandboxOptions {
  /** Default 0 = random free port; always binds 127.0.0.1. */
  port?: number;
  /** Persist state to this JSON file: loaded at start if it exists, saved on change and on close. */
  statePath?: string;
  /** Initial Available balance (default 1_000_000 = 10,000.00); ignored when state is loaded from a file. */
  balanceCents?: number;
  faults?: Partial<FaultPlan>;
  /** How this sandbox's wire differs from the default one (each CLI switch of `variationSwitches`). */
  variations?: z.input<typeof variationsSchema>;
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
  readonly variations: ProviderVariations;
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
  variations: variationsSchema.default(variationsSchema.parse({})),
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
  const {
    port,
    statePath,
    balanceCents,
    variations,
    pendingThresholdCards,
    completionDelayMs,
    slowCompletionDelayMs,
  } = parsed.data;
  return {
    port,
    statePath,
    balanceCents,
    faults: mergeFaults(defaultFaultPlan, options.faults ?? {}),
    variations,
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

/**
 * One `giftbatch sandbox` switch that sets a provider variation. The command builds its flags, help
 * and parsing from `variationSwitches`, so a new variation is one entry here.
 */
export interface VariationSwitch {
  /** The flag without its dashes: `page-base`. */
  readonly flag: string;
  /** What the flag takes, for the help (`0|1`); undefined for an on/off switch. */
  readonly takes: string | undefined;
  readonly help: string;
  /** The switch's text (empty for an on/off switch) as variations, or why it cannot be. */
  readonly read: (text: string) => Result<Partial<ProviderVariations>, string>;
}

const choiceSwitch = <K extends keyof ProviderVariations>(
  flag: string,
  key: K,
  choices: readonly ProviderVariations[K][],
  help: string,
): VariationSwitch => ({
  flag,
  takes: choices.join('|'),
  help,
  read: (text) => {
    const choice = choices.find((candidate) => String(candidate).toLowerCase() === text.trim().toLowerCase());
    return choice === undefined
      ? err(`--${flag} must be one of ${choices.join(', ')}, not "${text}"`)
      : ok({ [key]: choice });
  },
});

export const variationSwitches: readonly VariationSwitch[] = [
  {
    flag: 'strict',
    takes: undefined,
    help: 'answer only the documented wire: exact path case, PascalCase keys, JSON numbers, credential headers on /v1/Tokens only',
    read: () => ok({ strict: true }),
  },
  choiceSwitch('page-base', 'pageBase', [0, 1], 'index of the first page of a list (default 1)'),
  choiceSwitch(
    'list-envelope',
    'listEnvelope',
    listEnvelopes,
    'the field holding a list (default Data; none: a bare array)',
  ),
  choiceSwitch(
    'list-total',
    'listTotal',
    listTotals,
    "the field holding a list's total (default TotalCount)",
  ),
  {
    flag: 'page-cap',
    takes: 'N',
    help: 'never put more than N items on a page, whatever pageSize asks',
    read: (text) => {
      const cap = /^\d{1,6}$/.test(text.trim()) ? Number(text) : Number.NaN;
      return cap >= 1
        ? ok({ pageCap: cap })
        : err(`--page-cap must be a whole number of at least 1, not "${text}"`);
    },
  },
  choiceSwitch(
    'variable-shape',
    'variableShape',
    variableShapes,
    'how a variable-value product states its range (default pair: [min, max] in Denominations)',
  ),
];
