import { describe, expect, it } from 'vitest';
import { diffRows } from './draft-changes.ts';
import type { GridRow } from './draft-history.ts';

const row = (id: string, email = `${id}@x.org`): GridRow => ({ id, values: { email } });

describe('what autosave sends', () => {
  const a = row('a');
  const b = row('b');
  const c = row('c');

  it('nothing when nothing changed', () => {
    expect(diffRows([a, b], [a, b])).toEqual({ upserts: [], deletes: [], order: undefined });
  });

  it('only the edited rows, found by identity', () => {
    const edited = row('b', 'new@x.org');
    expect(diffRows([a, b, c], [a, edited, c])).toEqual({
      upserts: [{ id: 'b', values: { email: 'new@x.org' } }],
      deletes: [],
      order: undefined,
    });
  });

  it('appended rows without an order, deletions by id', () => {
    const d = row('d');
    expect(diffRows([a, b, c], [a, c, d])).toEqual({
      upserts: [{ id: 'd', values: { email: 'd@x.org' } }],
      deletes: ['b'],
      order: undefined,
    });
  });

  it('the whole order when rows were inserted in the middle or sorted', () => {
    const inserted = row('new');
    expect(diffRows([a, b], [a, inserted, b]).order).toEqual(['a', 'new', 'b']);
    expect(diffRows([a, b, c], [c, b, a])).toEqual({ upserts: [], deletes: [], order: ['c', 'b', 'a'] });
  });

  it('keeps the extras of imported rows', () => {
    const imported: GridRow = { id: 'i', values: { email: 'i@x.org' }, extras: { Notes: 'night shift' } };
    expect(diffRows([], [imported]).upserts).toEqual([
      { id: 'i', values: { email: 'i@x.org' }, extras: { Notes: 'night shift' } },
    ]);
  });
});
