import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';
import { readWholeList, type ReadPage } from './list-reader.ts';

const ids = (count: number): string[] => Array.from({ length: count }, (_, index) => `P${String(index + 1)}`);

/** A provider of `all` in pages of `cap`, counting from `base`, answering page `base − 1` as `below` says. */
const provider = (
  all: readonly string[],
  options: { base: 0 | 1; cap: number; below: 'refuse' | 'empty' | 'first'; total?: number },
) => {
  const asked: number[] = [];
  const fetchPage = (pageIndex: number): Promise<Result<ReadPage<string>, ApiError>> => {
    asked.push(pageIndex);
    const { base, cap, below, total } = options;
    if (pageIndex < base) {
      if (below === 'refuse') {
        return Promise.resolve(err({ kind: 'invalid_request', message: 'pageIndex', fieldErrors: {} }));
      }
      const items = below === 'empty' ? [] : all.slice(0, cap);
      return Promise.resolve(ok({ items, total }));
    }
    const start = (pageIndex - base) * cap;
    return Promise.resolve(ok({ items: all.slice(start, start + cap), total }));
  };
  return { fetchPage, asked };
};

const read = (fetchPage: (pageIndex: number) => Promise<Result<ReadPage<string>, ApiError>>) =>
  readWholeList({ noun: 'products', identity: (item: string) => item, fetchPage });

describe('readWholeList', () => {
  it.each([
    ['pages from 0', { base: 0, cap: 10, below: 'refuse' }],
    ['pages from 1, refusing page 0', { base: 1, cap: 10, below: 'refuse' }],
    ['pages from 1, page 0 empty', { base: 1, cap: 10, below: 'empty' }],
    ['pages from 1, page 0 the same as page 1', { base: 1, cap: 10, below: 'first' }],
  ] as const)('reads all 24 from a provider that %s', async (_, options) => {
    const { fetchPage } = provider(ids(24), options);
    await expect(read(fetchPage)).resolves.toEqual(ok(ids(24)));
  });

  it('reads a list that is an exact number of pages, stopping on the empty page after it', async () => {
    const { fetchPage, asked } = provider(ids(20), { base: 1, cap: 10, below: 'refuse' });
    await expect(read(fetchPage)).resolves.toEqual(ok(ids(20)));
    expect(asked).toEqual([0, 1, 2, 3]);
  });

  it('stops on a repeated page: a provider that ignores pageIndex', async () => {
    const fetchPage = () => Promise.resolve(ok({ items: ids(10), total: undefined }));
    await expect(read(fetchPage)).resolves.toEqual(ok(ids(10)));
  });

  it('refuses a list whose total is not what was read', async () => {
    const fetchPage = () => Promise.resolve(ok({ items: ids(10), total: 24 }));
    const result = await read(fetchPage);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported_response' } });
    expect(result.ok || result.error.message).toContain("the provider's total says 24 but 10 were listed");
  });

  it('refuses a list with an item on two pages', async () => {
    const pages = [[], ['A', 'B'], ['B', 'C'], ['D']];
    const fetchPage = (pageIndex: number) =>
      Promise.resolve(ok({ items: pages[pageIndex] ?? [], total: undefined }));
    const result = await read(fetchPage);
    expect(result.ok || result.error.message).toContain('"B" is on page 1 and again on page 2');
  });

  it('passes on a failure other than a missing page 0 as it is', async () => {
    const failure: ApiError = { kind: 'unauthorized', message: 'no' };
    await expect(read(() => Promise.resolve(err(failure)))).resolves.toEqual(err(failure));
  });
});
