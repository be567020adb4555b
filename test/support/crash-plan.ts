import { z } from 'zod';

/** A small seeded generator (mulberry32): the same seed replays the same kills, so a failure reproduces. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** The engine's steps a child can kill itself at (docs/architecture.md §5.3, §5.9). */
const sendStepSchema = z.enum(['committed', 'answered', 'window-committed', 'answers-committing']);

/** The child kills itself at the `at`-th time the engine reaches `step`. */
const selfKillSchema = z.strictObject({
  step: sendStepSchema,
  at: z.int().min(1),
});
export type SelfKill = z.infer<typeof selfKillSchema>;

export const crashChildArgsSchema = z.strictObject({
  dataDir: z.string().min(1),
  batchId: z.string().min(1),
  sandboxUrl: z.url(),
  kill: selfKillSchema.nullable(),
});
export type CrashChildArgs = z.infer<typeof crashChildArgsSchema>;

/** How one iteration ends: the child kills itself at a step, or the parent kills it from outside. */
export type CrashKill =
  | { readonly kind: 'self'; readonly kill: SelfKill }
  /** SIGKILL this long after the child says it has started sending. */
  | { readonly kind: 'timer'; readonly delayMs: number }
  /** SIGKILL once the sandbox has counted this many more order requests than before the child started. */
  | { readonly kind: 'requests'; readonly count: number };

/**
 * `perKind` iterations of each of the four kills, shuffled. Each kill lets at most about a dozen rows
 * through, so the batch is still open when the last one lands and the final child has work to do.
 */
export const crashPlan = (random: () => number, perKind: number): CrashKill[] => {
  const upTo = (max: number) => 1 + Math.floor(random() * max);
  const kills = Array.from({ length: perKind }, (): CrashKill[] => [
    { kind: 'self', kill: { step: 'committed', at: upTo(10) } },
    { kind: 'self', kill: { step: 'answered', at: upTo(10) } },
    { kind: 'timer', delayMs: Math.floor(random() * 250) },
    { kind: 'requests', count: upTo(10) },
  ]).flat();
  return kills
    .map((kill) => ({ kill, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ kill }) => kill);
};

/** What a child prints on stdout, one line each: started, the row it kills itself at, or its final result. */
export const crashChildLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('started') }),
  z.strictObject({
    kind: z.literal('killing'),
    step: sendStepSchema,
    rowNo: z.int(),
    /** Every row of the group, at a group's step; the one row otherwise. */
    rowNos: z.array(z.int()),
  }),
  z.strictObject({ kind: z.literal('finished'), status: z.string(), fulfilled: z.int() }),
]);
export type CrashChildLine = z.infer<typeof crashChildLineSchema>;
