import { createStore } from 'zustand/vanilla';
import type { Product } from '../../../common/catalog/product.ts';
import type { DraftSettings } from '../../../common/contract/drafts.ts';
import type { RecipientField } from '../../../common/recipients/fields.ts';
import type {
  CellIssue,
  RowValidation,
  ValidatedRecipient,
} from '../../../common/recipients/validate-row.ts';
import type { CatalogStore } from './catalog-store.ts';
import type { DraftStore } from './draft-store.ts';
import { createDraftValidation, type DraftValidation, type ProblemGroup } from './draft-validation.ts';

export interface ValidationState {
  readonly errorCount: number;
  readonly warningCount: number;
  /** Moves on every change of the draft's problems; what follows reads the current ones. */
  readonly revision: number;
  readonly issueAt: (rowId: string, field: RecipientField) => CellIssue | undefined;
  /** Every issue of a row, its duplicate warning last. */
  readonly issuesOf: (rowId: string) => readonly CellIssue[];
  /** A row's own checks and its recipient as it will be sent (null while it has errors), for its card. */
  readonly rowValidation: (rowId: string) => RowValidation | undefined;
  /**
   * A row's recipient (null while it has errors, undefined for an unknown row): the same object until
   * the row or the context is checked again, so a cell can subscribe to it.
   */
  readonly recipientOf: (rowId: string) => ValidatedRecipient | null | undefined;
  /** A new function whenever the problems change, so a filtered view knows to filter again. */
  readonly hasProblems: (rowId: string) => boolean;
  /** Fields holding a value or a problem in some row; a new set only when it differs. */
  readonly fieldsInUse: ReadonlySet<RecipientField>;
  readonly groups: (limit: number) => { listed: ProblemGroup[]; total: number };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((item) => b.has(item));

/** The settings that decide a row's problems: all but the file last imported from. */
const rulesOf = ({ importedFrom: _importedFrom, ...rules }: DraftSettings) => rules;

/**
 * Whether rows are checked alike under both settings: the file last imported from (set by an import's
 * first part) changes no row's problems, so it does not check 100,000 rows again. Every other setting,
 * including one added later, counts.
 */
const sameRules = (a: DraftSettings, b: DraftSettings): boolean => {
  const [rulesA, rulesB] = [rulesOf(a), rulesOf(b)];
  const keys = new Set([...Object.keys(rulesA), ...Object.keys(rulesB)]) as Set<keyof typeof rulesA>;
  return [...keys].every((key) => rulesA[key] === rulesB[key]);
};

/**
 * The open draft's problems for the compose screen, validated with the rules main applies before
 * sending (common/recipients); here for the user's convenience. Follows the draft store edit by edit
 * (draft-validation.ts), so a cell edit costs the rows it changes; a change of settings or catalog
 * checks every row again, since each row inherits them.
 */
export const createValidationStore = (draft: DraftStore, catalog: CatalogStore) => {
  let settings: DraftSettings | undefined;
  let products: readonly Product[] | undefined;
  let shippingMethodIds: readonly string[] | undefined;
  let validation: DraftValidation | undefined;

  const current = (): DraftValidation => {
    const state = draft.getState();
    const { catalog: loaded, shippingMethodIds: methodIds } = catalog.getState();
    const catalogProducts = loaded?.products;
    if (
      validation === undefined ||
      settings === undefined ||
      !sameRules(state.settings, settings) ||
      catalogProducts !== products ||
      methodIds !== shippingMethodIds
    ) {
      settings = state.settings;
      products = catalogProducts;
      shippingMethodIds = methodIds;
      validation = createDraftValidation({
        deliveryType: settings.deliveryType,
        defaults: settings.defaults,
        catalog: new Map((products ?? []).map((product) => [product.id, product])),
        defaultCountry: settings.defaultCountry,
        shippingMethodIds,
        emailOnly: settings.emailOnly === true,
      });
    }
    validation.sync(state.rows);
    return validation;
  };

  const store = createStore<ValidationState>()(() => {
    const first = current();
    return {
      errorCount: first.errorCount,
      warningCount: first.warningCount,
      revision: 0,
      issueAt: (rowId, field) => current().issueAt(rowId, field),
      issuesOf: (rowId) => current().issuesOf(rowId),
      rowValidation: (rowId) => current().rowValidation(rowId),
      recipientOf: (rowId) => current().recipientOf(rowId),
      hasProblems: (rowId) => current().hasProblems(rowId),
      fieldsInUse: first.fieldsInUse(),
      groups: (limit) => current().groups(limit),
    };
  });

  const refresh = () => {
    const next = current();
    const state = store.getState();
    const fields = next.fieldsInUse();
    store.setState({
      errorCount: next.errorCount,
      warningCount: next.warningCount,
      revision: state.revision + 1,
      hasProblems: (rowId) => next.hasProblems(rowId),
      rowValidation: (rowId) => next.rowValidation(rowId),
      fieldsInUse: sameSet(fields, state.fieldsInUse) ? state.fieldsInUse : fields,
    });
  };

  let lastRows = draft.getState().rows;
  let lastSettings = draft.getState().settings;
  draft.subscribe((state) => {
    if (state.rows === lastRows && state.settings === lastSettings) return;
    lastRows = state.rows;
    lastSettings = state.settings;
    refresh();
  });
  catalog.subscribe((state, before) => {
    if (state.catalog !== before.catalog || state.shippingMethodIds !== before.shippingMethodIds) refresh();
  });
  return store;
};

export type ValidationStore = ReturnType<typeof createValidationStore>;
