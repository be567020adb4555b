import type { FaultPlan } from './fault-plan.ts';
import type { OrderDialect } from './order-dialect.ts';
import type { LifecycleSettings } from './order-lifecycle.ts';
import type { RequestStats } from './request-stats.ts';
import type { ProviderVariations } from './sandbox-options.ts';
import type { SandboxState } from './sandbox-state.ts';
import type { TokenStore } from './token-store.ts';

/** What the route handlers share: one running sandbox's state and settings. */
export interface SandboxContext {
  /** Which sandbox this is: made with its state and kept in its state file (GET /_sim/identity). */
  readonly id: string;
  readonly state: SandboxState;
  readonly tokens: TokenStore;
  readonly stats: RequestStats;
  readonly lifecycle: LifecycleSettings;
  /** How this sandbox's wire differs from the default one (docs/provider-api.md §13.19). */
  readonly variations: ProviderVariations;
  /** How orders look on the v1 routes (the admin routes keep the sandbox's own names). */
  readonly orderDialect: OrderDialect;
  readonly random: () => number;
  /** Epoch ms, from the injectable clock. */
  readonly now: () => number;
  faults(): FaultPlan;
  setFaults(faults: Partial<FaultPlan>): void;
  /** Back to the plan the sandbox was started with. */
  resetFaults(): void;
  /** "http://127.0.0.1:<port>", known once the server listens. */
  baseUrl(): string;
}
