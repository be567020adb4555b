import type { ReactNode } from 'react';

/** A scrolling table of rows on History: its column headings, then the rows given as children. */
export const HistoryTable = ({
  label,
  columns,
  extraHeads,
  children,
}: {
  label: string;
  columns: readonly string[];
  /** Headings after `columns` that need their own markup. */
  extraHeads?: ReactNode;
  children: ReactNode;
}) => (
  // Focusable, so a keyboard alone can scroll the table sideways (axe: scrollable-region-focusable).
  <div className="history__scroll" tabIndex={0} role="region" aria-label={`${label}, scrolling sideways`}>
    <table className="review__table history__table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
          {extraHeads}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
