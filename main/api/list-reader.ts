import { err, ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';

/** One page, its items read. */
export interface ReadPage<T> {
  readonly items: readonly T[];
  readonly total: number | undefined;
}

export interface WholeList<T> {
  /** What the list holds, for messages: "products". */
  readonly noun: string;
  readonly fetchPage: (pageIndex: number) => Promise<Result<ReadPage<T>, ApiError>>;
  /** Tells two items apart: a repeated page, or an item on two pages, is found by it. */
  readonly identity: (item: T) => string;
  /** Runs before each page is asked for (a caller's rate cap). */
  readonly pace?: () => Promise<void>;
}

/** A bound on a provider that never stops sending full pages. */
const maxPages = 1000;

const samePage = <T>(a: ReadPage<T>, b: ReadPage<T>, identity: (item: T) => string): boolean =>
  a.items.length > 0 &&
  a.items.length === b.items.length &&
  a.items.every((item, index) => {
    const other = b.items[index];
    return other !== undefined && identity(item) === identity(other);
  });

/** A provider without a page 0 may refuse it or not know it. */
const meansNoSuchPage = (error: ApiError): boolean =>
  error.kind === 'invalid_request' || error.kind === 'not_found';

/**
 * Every item of a paged list, or a refusal that says why the list cannot be trusted whole
 * (docs/provider-api.md §13.4, §13.19). The page base is found from the answers: page 0 refused, empty
 * or the same as page 1 means pages count from 1. Pages are read while they come back as full as the
 * first; a short, empty or repeated page ends the list. A total the provider reported must match what
 * was read, and no item may appear twice.
 */
export const readWholeList = async <T>(list: WholeList<T>): Promise<Result<T[], ApiError>> => {
  const { noun, identity } = list;
  const fetchPage = async (pageIndex: number) => {
    await list.pace?.();
    return list.fetchPage(pageIndex);
  };
  const refuse = (detail: string): Result<never, ApiError> =>
    err({
      kind: 'unsupported_response',
      message: `The provider's list of ${noun} could not be read in full: ${detail}. None of it was used.`,
    });

  const zero = await fetchPage(0);
  if (!zero.ok && !meansNoSuchPage(zero.error)) return zero;
  const one = await fetchPage(1);
  if (!one.ok) return one;
  const isZeroBased = zero.ok && zero.value.items.length > 0 && !samePage(zero.value, one.value, identity);
  const firstPages = isZeroBased ? [zero.value, one.value] : [one.value];

  const items: T[] = [];
  const pageOf = new Map<string, number>();
  let total: number | undefined;
  let fullSize = 0;
  let previous: ReadPage<T> | undefined;
  let pagesRead = 0;
  /** Takes one page in; true when the list goes on after it. */
  const take = (page: ReadPage<T>): Result<boolean, ApiError> => {
    total = page.total ?? total;
    if (previous !== undefined && samePage(previous, page, identity)) return ok(false);
    pagesRead += 1;
    for (const item of page.items) {
      const id = identity(item);
      const earlier = pageOf.get(id);
      if (earlier !== undefined) {
        return refuse(
          `"${id}" is on page ${String(earlier)} and again on page ${String(pagesRead)} (did the list change while it was read?)`,
        );
      }
      pageOf.set(id, pagesRead);
      items.push(item);
    }
    previous = page;
    fullSize = Math.max(fullSize, page.items.length);
    if (page.items.length === 0 || page.items.length < fullSize) return ok(false);
    return ok(total === undefined || items.length < total);
  };

  let goesOn = true;
  for (const page of firstPages) {
    const taken = take(page);
    if (!taken.ok) return taken;
    goesOn = taken.value;
    if (!goesOn) break;
  }
  for (let pageIndex = 2; goesOn; pageIndex += 1) {
    if (pagesRead >= maxPages) return refuse(`it still had more after ${String(maxPages)} full pages`);
    const page = await fetchPage(pageIndex);
    // Past the last page, some providers answer 404 rather than an empty page.
    if (!page.ok && page.error.kind === 'not_found') break;
    if (!page.ok) return page;
    const taken = take(page.value);
    if (!taken.ok) return taken;
    goesOn = taken.value;
  }
  if (total !== undefined && total !== items.length) {
    return refuse(
      `the provider's total says ${String(total)} but ${String(items.length)} were listed in ${String(pagesRead)} page${pagesRead === 1 ? '' : 's'}`,
    );
  }
  return ok(items);
};
