/** "1–50 of 1,234" with Previous and Next: History never loads more than a page. */
export const Pager = ({
  label,
  offset,
  pageSize,
  total,
  onPage,
}: {
  label: string;
  offset: number;
  pageSize: number;
  total: number;
  onPage: (offset: number) => void;
}) => {
  if (total <= pageSize && offset === 0) return null;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="history__pager" aria-label={label}>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => {
          onPage(Math.max(0, offset - pageSize));
        }}
      >
        Previous
      </button>
      <span>
        {(offset + 1).toLocaleString('en-US')}–{last.toLocaleString('en-US')} of{' '}
        {total.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        className="button"
        disabled={last >= total}
        onClick={() => {
          onPage(offset + pageSize);
        }}
      >
        Next
      </button>
    </nav>
  );
};
