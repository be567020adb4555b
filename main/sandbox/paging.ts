import { err, ok, type Result } from '../../common/result.ts';
import { json, queryParam, type Reply } from './http-io.ts';

export interface Paging {
  readonly pageIndex: number;
  readonly pageSize: number;
}

const wholeNumber = (text: string | undefined): number | undefined | 'invalid' => {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : 'invalid';
};

/** `pageIndex` (1-based) and `pageSize` from the query; a size above the maximum is capped, not refused. */
export const readPaging = (
  url: URL,
  limits: { readonly defaultSize: number; readonly maxSize: number },
): Result<Paging, Reply> => {
  const pageIndex = wholeNumber(queryParam(url, 'pageIndex'));
  const pageSize = wholeNumber(queryParam(url, 'pageSize'));
  const errors: Record<string, string[]> = {};
  if (pageIndex === 'invalid') errors.pageIndex = ['pageIndex must be a whole number of at least 1.'];
  if (pageSize === 'invalid') errors.pageSize = ['pageSize must be a whole number of at least 1.'];
  if (pageIndex === 'invalid' || pageSize === 'invalid') {
    return err(json(400, { Message: 'One or more validation errors occurred.', Errors: errors }));
  }
  return ok({
    pageIndex: pageIndex ?? 1,
    pageSize: Math.min(pageSize ?? limits.defaultSize, limits.maxSize),
  });
};
