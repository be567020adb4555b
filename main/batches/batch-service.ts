import { randomBytes } from 'node:crypto';
import type { BatchSummary } from '../../common/contract/batches.ts';
import { checkStartTime } from '../../common/batches/schedule.ts';
import { operatorLabel, type Operator } from '../../common/contract/audit.ts';
import type { ReviewReport } from '../../common/contract/review.ts';
import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import { newBatchId } from '../../common/batches/po-number.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { formatCents } from '../../common/money.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { typedAmountMatches } from '../../common/review/typed-amount.ts';
import { toAppError, type ApiError } from '../api/api-error.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import type { DeliveryType, Product } from '../../common/catalog/product.ts';
import type { BatchEngine } from '../engine/batch-engine.ts';
import type { BatchQueries } from './batch-queries.ts';
import type { BatchRepository } from './batch-repository.ts';
import { currentOperator } from './current-operator.ts';
import { LedgerConflict } from './ledger-conflict.ts';
import { prepareBatch, type BatchSource } from './prepare-batch.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { createRowRevisions, type RevisionReferences } from './revise-row.ts';
import type { createRewardHistory } from './reward-history.ts';

export interface BatchServiceDeps {
  readonly repository: BatchRepository;
  readonly queries: BatchQueries;
  /** Starts sending what was committed or revised. */
  readonly engine: Pick<BatchEngine, 'start' | 'isSending'>;
  readonly history: ReturnType<typeof createRewardHistory>;
  readonly catalog: () => Promise<Result<readonly Product[], ApiError>>;
  readonly client: () => Promise<Result<Pick<GcpClient, 'listShippingMethods'>, ApiError>>;
  readonly sending: () => SendingSettings;
  /** Where orders go: recorded with the batch, so a record always says which provider it was. */
  readonly destination: () => { readonly environment: string; readonly provider: string };
  /** Who commits: recorded with the batch for the audit trail. */
  readonly operator?: () => Operator;
  readonly now?: () => Date;
}

export interface SendRequest {
  readonly batchId: string;
  readonly excludeRowIds: ReadonlySet<string>;
  readonly expectedCostCents: number;
  readonly typedAmount?: string | undefined;
  /** Start at this time instead of now (docs/architecture.md §5.14). */
  readonly startAt?: string | undefined;
}

/** The headers of every column kept aside, in the order they first appear. */
const keptAsideHeadersOf = (source: BatchSource): string[] => {
  const headers = new Set<string>();
  for (const row of source.rows) for (const header of Object.keys(row.extras ?? {})) headers.add(header);
  return [...headers];
};

/** Review and commit of batches, shared by the app (drafts) and the CLI (files). */
export const createBatchService = (deps: BatchServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  /** The catalog, and for physical cards the shipping methods: what rows are validated against. */
  const references = async (deliveryType: DeliveryType): Promise<Result<RevisionReferences, AppError>> => {
    const catalog = await deps.catalog();
    if (!catalog.ok) return err(toAppError(catalog.error));
    // Shipping methods matter only to physical cards; other batches do not depend on that call.
    if (deliveryType !== 'PhysicalShipment') return ok({ catalog: catalog.value, shippingMethods: [] });
    const client = await deps.client();
    if (!client.ok) return err(toAppError(client.error));
    const shippingMethods = await client.value.listShippingMethods();
    if (!shippingMethods.ok) return err(toAppError(shippingMethods.error));
    return ok({ catalog: catalog.value, shippingMethods: shippingMethods.value });
  };

  /** A draft already sent as a batch is closed (docs/architecture.md §1.8): never reviewed or sent again. */
  const sentDraft = (source: BatchSource): Result<void, AppError> => {
    const earlier = source.draftId === null ? undefined : deps.repository.draftBatch(source.draftId);
    if (earlier === undefined) return ok(undefined);
    return err(
      appError(
        'validation',
        `“${source.name}” was already sent as batch ${earlier.id} on ${earlier.createdAt.slice(0, 10)}. Open it in History to follow it, or duplicate the draft to send its rows again.`,
      ),
    );
  };

  const review = async (
    source: BatchSource,
    excludeRowIds: ReadonlySet<string>,
    batchId: string = newBatchId(randomBytes),
  ) => {
    const closed = sentDraft(source);
    if (!closed.ok) return closed;
    const loaded = await references(source.settings.deliveryType);
    if (!loaded.ok) return loaded;
    const sending = deps.sending();
    return ok(
      prepareBatch({
        source,
        excludeRowIds,
        batchId,
        catalog: loaded.value.catalog,
        shippingMethods: loaded.value.shippingMethods,
        sending,
        historyOf: deps.history(now(), sending.duplicateLookbackDays),
      }),
    );
  };

  const revisions = createRowRevisions({ ...deps, now, references });

  /**
   * Reviews again from the stored rows and commits the batch with its PO numbers, only if it is what
   * the user saw: the same cost, no errors, the typed total when it is large. Sending starts after.
   */
  const commit = async (
    source: BatchSource,
    request: SendRequest,
  ): Promise<Result<BatchSummary, AppError>> => {
    const exists = () => deps.repository.summary(request.batchId, now().getTime()) !== undefined;
    const alreadyCommitted = err(
      appError('validation', `Batch ${request.batchId} already exists; review the draft again.`),
    );
    if (exists()) return alreadyCommitted;
    const prepared = await review(source, request.excludeRowIds, request.batchId);
    if (!prepared.ok) return prepared;
    const { report, rows } = prepared.value;
    const money = (cents: number) => formatCents(cents, report.cost.currencyCode);
    if (!report.canSend) {
      const first = report.errors[0]?.message ?? 'There is nothing to send.';
      return err(
        appError(
          'validation',
          `This batch cannot be sent yet (${String(report.errorCount)} problems). ${first}`,
        ),
      );
    }
    if (report.cost.costCents !== request.expectedCostCents) {
      return err(
        appError(
          'validation',
          `The batch now costs ${money(report.cost.costCents)}, not the ${money(request.expectedCostCents)} you reviewed. Review it again.`,
        ),
      );
    }
    if (
      report.confirmationRequired &&
      !typedAmountMatches(request.typedAmount ?? '', report.cost.costCents)
    ) {
      return err(
        appError(
          'validation',
          `Type the total, ${money(report.cost.costCents)}, to confirm a batch of this size.`,
        ),
      );
    }
    // Asked again after the review's awaits: a second click on Send may have committed it meanwhile.
    if (exists()) return alreadyCommitted;
    const closed = sentDraft(source);
    if (!closed.ok) return closed;
    try {
      deps.repository.create({
        id: request.batchId,
        name: source.name,
        draftId: source.draftId,
        ...deps.destination(),
        deliveryType: source.settings.deliveryType,
        defaultCountry: source.settings.defaultCountry,
        reviewedCostCents: report.cost.costCents,
        currencyCode: report.cost.currencyCode,
        operator: operatorLabel((deps.operator ?? currentOperator)()),
        origin: { ...source.origin, ...(source.draftId === null ? {} : { draftName: source.name }) },
        keptAsideHeaders: keptAsideHeadersOf(source),
        rows,
      });
    } catch (error) {
      // Another process committed the same draft between the check above and this transaction.
      if (error instanceof LedgerConflict) return err(appError('validation', error.message));
      throw error;
    }
    const summary = deps.repository.summary(request.batchId, now().getTime());
    return summary === undefined ? err(appError('internal', 'The batch was not recorded.')) : ok(summary);
  };

  const setStartTime = (batchId: string, startAt: string | null): Result<BatchSummary, AppError> => {
    try {
      deps.repository.setStartTime(batchId, startAt, operatorLabel((deps.operator ?? currentOperator)()));
    } catch (error) {
      if (error instanceof LedgerConflict) return err(appError('validation', error.message));
      throw error;
    }
    const summary = deps.queries.summary(batchId);
    return summary === undefined ? err(appError('not_found', `There is no batch ${batchId}.`)) : ok(summary);
  };

  return {
    review: async (
      source: BatchSource,
      excludeRowIds: ReadonlySet<string>,
      batchId?: string,
    ): Promise<Result<ReviewReport, AppError>> => {
      const prepared = await review(source, excludeRowIds, batchId);
      return prepared.ok ? ok(prepared.value.report) : prepared;
    },

    commit,

    /** The review with every finding and the rows it would commit: for the CLI, which lists them all. */
    prepare: review,

    /** The catalog, and for physical cards the shipping methods: what rows are validated against. */
    references,

    /**
     * The app's Send: commits the reviewed draft, then sends it in the background, or with a start
     * time leaves it committed and waiting for that time (the start time is checked before the commit).
     */
    send: async (source: BatchSource, request: SendRequest): Promise<Result<BatchSummary, AppError>> => {
      if (request.startAt === undefined) {
        const committed = await commit(source, request);
        return committed.ok ? deps.engine.start(committed.value.id) : committed;
      }
      const startAt = checkStartTime(request.startAt, now().getTime());
      if (!startAt.ok) return err(appError('validation', startAt.error));
      const committed = await commit(source, request);
      return committed.ok ? setStartTime(committed.value.id, startAt.value) : committed;
    },

    /** A waiting batch's new start time; null leaves it waiting for the user to send it. */
    reschedule: (batchId: string, startAt: string | null): Result<BatchSummary, AppError> => {
      if (startAt === null) return setStartTime(batchId, null);
      const checked = checkStartTime(startAt, now().getTime());
      return checked.ok ? setStartTime(batchId, checked.value) : err(appError('validation', checked.error));
    },

    /** A rejected row's order as values the user can edit ("Edit and send again"). */
    rowValues: revisions.values,

    /**
     * Validates an edited rejected row, queues it under its next PO number and sends it, unless the
     * batch is paused: what stopped it (funds, credentials, the user) still stands.
     */
    reviseAndSend: async (
      batchId: string,
      rowNo: number,
      values: RecipientRow,
    ): Promise<Result<BatchSummary, AppError>> => {
      if (deps.engine.isSending(batchId)) {
        return err(appError('validation', 'Wait for the batch to finish sending, then edit the row.'));
      }
      const revised = await revisions.revise(batchId, rowNo, values);
      if (!revised.ok) return revised;
      if (revised.value.status !== 'paused') return deps.engine.start(batchId);
      const summary = deps.queries.summary(batchId);
      return summary === undefined
        ? err(appError('not_found', `There is no batch ${batchId}.`))
        : ok(summary);
    },
  };
};

export type BatchService = ReturnType<typeof createBatchService>;
