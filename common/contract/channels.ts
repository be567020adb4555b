import type { z } from 'zod';
import type { AppError } from '../errors.ts';
import type { Result } from '../result.ts';
import { appGetInfo, appNotice } from './app.ts';
import {
  auditExport,
  auditSuggestPaths,
  linksExport,
  linksRevealRow,
  reconcileProgress,
  reconcileRun,
} from './audit-actions.ts';
import {
  batchProgress,
  batchesCancel,
  batchesReschedule,
  batchesGet,
  batchesList,
  batchesPause,
  batchesResume,
  batchesRetryFailed,
  batchesReviseRow,
  batchesRowValues,
  batchesStart,
} from './batches.ts';
import { catalogGet, catalogRefresh, catalogShippingMethods } from './catalog.ts';
import {
  connectionChanged,
  connectionGetState,
  connectionRefreshBalance,
  connectionSelectEnvironment,
  connectionTest,
  credentialsClear,
  credentialsSet,
  sandboxAddTestFunds,
} from './connection.ts';
import type { CallDefinition, EventDefinition } from './define.ts';
import { fileOpened, menuInvoked, openDataFolder } from './desktop.ts';
import {
  draftsCreate,
  draftsDelete,
  draftsDuplicate,
  draftsList,
  draftsOpen,
  draftsSaveChanges,
} from './drafts.ts';
import { historyBatchRecord, historyDuplicateBatch, historyList, historySearchRows } from './history.ts';
import { draftImportFile, draftImportProgress, draftRememberMapping } from './import.ts';
import { ledgerBackup, ledgerRestore, ledgerVerify } from './ledger.ts';
import { firstRunGuideGet, firstRunGuideUpdate, preferencesGet, preferencesUpdate } from './preferences.ts';
import { reviewPrepare } from './review.ts';
import { sendingSettingsGet, sendingSettingsUpdate } from './sending-settings.ts';

/**
 * The IPC contract: every call the renderer may make and every event main may push.
 * Main registers one handler per call, preload exposes one method per entry, and the
 * renderer's types come from here, so a channel exists in all three or in none.
 */
export const callContract = {
  'app:get-info': appGetInfo,
  'connection:get-state': connectionGetState,
  'connection:test': connectionTest,
  'connection:refresh-balance': connectionRefreshBalance,
  'connection:select-environment': connectionSelectEnvironment,
  'credentials:set': credentialsSet,
  'credentials:clear': credentialsClear,
  'sandbox:add-test-funds': sandboxAddTestFunds,
  'catalog:get': catalogGet,
  'catalog:refresh': catalogRefresh,
  'catalog:shipping-methods': catalogShippingMethods,
  'drafts:list': draftsList,
  'drafts:create': draftsCreate,
  'drafts:open': draftsOpen,
  'drafts:save-changes': draftsSaveChanges,
  'drafts:delete': draftsDelete,
  'drafts:duplicate': draftsDuplicate,
  'draft:import-file': draftImportFile,
  'draft:remember-mapping': draftRememberMapping,
  'settings:get-sending': sendingSettingsGet,
  'settings:update-sending': sendingSettingsUpdate,
  'settings:get-preferences': preferencesGet,
  'settings:update-preferences': preferencesUpdate,
  'settings:get-first-run-guide': firstRunGuideGet,
  'settings:update-first-run-guide': firstRunGuideUpdate,
  'app:open-data-folder': openDataFolder,
  'review:prepare': reviewPrepare,
  'batches:list': batchesList,
  'batches:get': batchesGet,
  'batches:start': batchesStart,
  'batches:pause': batchesPause,
  'batches:resume': batchesResume,
  'batches:cancel': batchesCancel,
  'batches:reschedule': batchesReschedule,
  'batches:retry-failed': batchesRetryFailed,
  'batches:row-values': batchesRowValues,
  'batches:revise-row': batchesReviseRow,
  'audit:export': auditExport,
  'audit:suggest-paths': auditSuggestPaths,
  'reconcile:run': reconcileRun,
  'links:reveal-row': linksRevealRow,
  'links:export': linksExport,
  'ledger:verify': ledgerVerify,
  'ledger:backup': ledgerBackup,
  'ledger:restore': ledgerRestore,
  'history:list': historyList,
  'history:search-rows': historySearchRows,
  'history:batch-record': historyBatchRecord,
  'history:duplicate-batch': historyDuplicateBatch,
} as const satisfies Record<string, CallDefinition>;

export const eventContract = {
  'app:notice-posted': appNotice,
  'connection:changed': connectionChanged,
  'draft:import-progressed': draftImportProgress,
  'batches:progressed': batchProgress,
  'reconcile:progressed': reconcileProgress,
  'app:menu-invoked': menuInvoked,
  'app:file-opened': fileOpened,
} as const satisfies Record<string, EventDefinition>;

export type CallContract = typeof callContract;
export type EventContract = typeof eventContract;
export type CallChannel = keyof CallContract;
export type EventChannel = keyof EventContract;

export const callChannels = Object.keys(callContract) as readonly CallChannel[];
export const eventChannels = Object.keys(eventContract) as readonly EventChannel[];

export const isCallChannel = (channel: string): channel is CallChannel =>
  Object.hasOwn(callContract, channel);

/** What the renderer passes (before parsing) and what the handler receives (after parsing). */
export type CallInput<C extends CallChannel> = z.input<CallContract[C]['input']>;
export type CallParsedInput<C extends CallChannel> = z.output<CallContract[C]['input']>;
export type CallOutput<C extends CallChannel> = z.output<CallContract[C]['output']>;
export type CallResult<C extends CallChannel> = Result<CallOutput<C>, AppError>;
export type EventPayload<E extends EventChannel> = z.output<EventContract[E]['payload']>;

export type Unsubscribe = () => void;

type CallMethod<C extends CallChannel> =
  undefined extends CallInput<C>
    ? (input?: CallInput<C>) => Promise<CallResult<C>>
    : (input: CallInput<C>) => Promise<CallResult<C>>;

type EventMethod<E extends EventChannel> = (listener: (payload: EventPayload<E>) => void) => Unsubscribe;

/** `window.giftbatch`: one named method per call and one `on…` subscription per event; nothing generic. */
export type GiftBatchApi = {
  readonly [C in CallChannel as CallContract[C]['method']]: CallMethod<C>;
} & {
  readonly [E in EventChannel as EventContract[E]['method']]: EventMethod<E>;
};

/** How a `GiftBatchApi` reaches main: Electron IPC in the app, HTTP in the test bridge, a direct call in tests. */
export interface ContractTransport {
  invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallResult<C>>;
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}
