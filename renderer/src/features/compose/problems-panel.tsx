import { amountMissing, productMissing } from '../../../../common/recipients/check-offer.ts';
import { fieldLabels, type RecipientField } from '../../../../common/recipients/fields.ts';
import { countOf, rowLabel } from '../../wording.ts';
import type { ProblemGroup } from '../../state/draft-validation.ts';
import { positionOf } from '../../state/rows-change.ts';
import { useDraftState, useValidationState } from '../../state/stores.tsx';

/** Listing more than this helps nobody; the counter and the "only problems" filter cover the rest. */
const maxListed = 200;

/** Problems a batch default fixes for every row at once, and the setting that does it. */
const defaultFixes: ReadonlyMap<string, { label: string; setting: string }> = new Map([
  [productMissing, { label: 'Set a default product', setting: 'Default product' }],
  [amountMissing, { label: 'Set a default amount', setting: 'Default amount' }],
]);

/** "Product is missing: pick one…" reads "Product is missing — 401 rows: pick one…" for a group. */
const groupWording = (message: string, rows: number): string => {
  const colon = message.indexOf(': ');
  const count = countOf(rows, 'row');
  return colon < 0
    ? `${message} — ${count}`
    : `${message.slice(0, colon)} — ${count}: ${message.slice(colon + 2)}`;
};

/**
 * Every problem in the draft, errors first, identical ones grouped: a problem of one row names its
 * row and jumps to its cell; a group says how many rows have it and each click goes to the next of
 * them after the active row. Where a batch default fixes a group, its button is there.
 */
export const ProblemsPanel = ({
  activeRowId,
  onJump,
  onSetDefault,
}: {
  activeRowId: string | undefined;
  onJump: (rowId: string, field: RecipientField) => void;
  /** Focuses the batch setting with this label. */
  onSetDefault: (setting: string) => void;
}) => {
  // The groups change in place; the revision says when to read them again.
  useValidationState((state) => state.revision);
  const groupsOf = useValidationState((state) => state.groups);
  const rows = useDraftState((state) => state.rows);
  const { listed, total } = groupsOf(maxListed);

  /** The group's first row after the active one in the draft's order, else its first row. */
  const nextRow = (group: ProblemGroup): string | undefined => {
    const from = activeRowId === undefined ? -1 : (positionOf(rows, activeRowId) ?? -1);
    let first: { id: string; at: number } | undefined;
    let next: { id: string; at: number } | undefined;
    for (const id of group.rowIds) {
      const at = positionOf(rows, id);
      if (at === undefined) continue;
      if (first === undefined || at < first.at) first = { id, at };
      if (at > from && (next === undefined || at < next.at)) next = { id, at };
    }
    return (next ?? first)?.id;
  };

  return (
    <aside className="problems" aria-label="Problems">
      <h2 className="problems__title">Problems</h2>
      {listed.length === 0 ? (
        <p className="muted">No problems: every row can be sent.</p>
      ) : (
        <ol className="problems__list">
          {listed.map((group) => {
            const [only] = group.rowIds;
            const single = group.rowIds.size === 1 && only !== undefined;
            const fix = single ? undefined : defaultFixes.get(group.message);
            const at = single ? positionOf(rows, only) : undefined;
            const row = at === undefined ? undefined : { position: at, sourceRow: rows[at]?.sourceRow };
            return (
              <li key={group.id} className="problems__item">
                <button
                  type="button"
                  className={`problem problem--${group.severity}`}
                  title={single ? undefined : 'Go to the next row with this problem'}
                  onClick={() => {
                    const target = single ? only : nextRow(group);
                    if (target !== undefined) onJump(target, group.field);
                  }}
                >
                  <span
                    className="problem__where"
                    title={
                      row === undefined
                        ? undefined
                        : row.sourceRow === undefined
                          ? 'Added here, not imported'
                          : rowLabel(row.position, undefined)
                    }
                  >
                    {row === undefined
                      ? countOf(group.rowIds.size, 'row')
                      : rowLabel(row.position, row.sourceRow)}{' '}
                    · {fieldLabels[group.field]}
                  </span>
                  <span className="problem__message">
                    {single ? group.message : groupWording(group.message, group.rowIds.size)}
                  </span>
                </button>
                {fix === undefined ? null : (
                  <button
                    type="button"
                    className="button button--quiet problem__fix"
                    onClick={() => {
                      onSetDefault(fix.setting);
                    }}
                  >
                    {fix.label}
                  </button>
                )}
              </li>
            );
          })}
          {total > listed.length ? (
            <li className="muted">
              …and {countOf(total - listed.length, 'more problem')}; filter the grid to rows with problems.
            </li>
          ) : null}
        </ol>
      )}
    </aside>
  );
};
