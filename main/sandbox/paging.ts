import { err, ok, type Result } from '../../common/result.ts';
import { json, queryParam, type Reply } from './http-io.ts';
import type { ProviderVariations } from './sandbox-options.ts';

export interface Paging {
  readonly pageIndex: number;
  readonly pageSize: number;
  /** The index of the first page: the items of `pageIndex` start at (pageIndex − base) × pageSize. */
  readonly base: 0 | 1;
}

const wholeNumber = (text: string | undefined, least: number): number | undefined | 'invalid' => {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= least ? value : 'invalid';
};

/**
 * `pageIndex` (from the variation's page base) and `pageSize` from the query; a size above the maximum,
 * or the variation's page cap, is capped, not refused (docs/provider-api.md §13.4, §13.19).
 */
export const readPaging = (
  url: URL,
  limits: { readonly defaultSize: number; readonly maxSize: number },
  variations: Pick<ProviderVariations, 'pageBase' | 'pageCap'>,
): Result<Paging, Reply> => {
  const base = variations.pageBase;
  const pageIndex = wholeNumber(queryParam(url, 'pageIndex'), base);
  const pageSize = wholeNumber(queryParam(url, 'pageSize'), 1);
  const errors: Record<string, string[]> = {};
  if (pageIndex === 'invalid') {
    errors.pageIndex = [`pageIndex must be a whole number of at least ${String(base)}.`];
  }
  if (pageSize === 'invalid') errors.pageSize = ['pageSize must be a whole number of at least 1.'];
  if (pageIndex === 'invalid' || pageSize === 'invalid') {
    return err(json(400, { Message: 'One or more validation errors occurred.', Errors: errors }));
  }
  return ok({
    pageIndex: pageIndex ?? base,
    pageSize: Math.min(pageSize ?? limits.defaultSize, limits.maxSize, variations.pageCap ?? Infinity),
    base,
  });
};
