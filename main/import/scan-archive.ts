import { Unzip, UnzipInflate } from 'fflate';
import { err, ok, type Result } from '../../common/result.ts';
import {
  maxArchiveEntries,
  maxPartBytes,
  maxUnpackedBytes,
  partTooLargeMessage,
  tooManyEntriesMessage,
  unreadableWorkbookMessage,
  workbookTooLargeMessage,
} from './archive-limits.ts';

/** What a caller does with one part's bytes as they unpack; none of it is kept unless the caller keeps it. */
export interface PartVisitor {
  readonly data: (chunk: Uint8Array) => void;
  readonly end: () => void;
}

/**
 * Compressed bytes pushed at a time. Deflate expands at most about 1,000 times, so one push unpacks at
 * most about 16 MB before the running count is looked at.
 */
const sliceBytes = 16 * 1024;
/**
 * Slices between turns of the event loop (128 KB packed, at most about 130 MB unpacked), so a big or
 * hostile workbook does not freeze the main process while a batch is sending beside it.
 */
const slicesPerTurn = 8;

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * Unpacks every part of a ZIP archive as a stream, counting the bytes as they come: past the limit per
 * part or in all (see archive-limits.ts) it stops at once and says which, so a 2 MB file that unpacks to
 * gigabytes never does. The sizes the archive declares are not trusted: they are whatever its maker
 * wrote. `visit` may ask to see a part's bytes; an archive that cannot be unpacked is refused as
 * unreadable rather than passed on to a reader that might fare worse.
 */
export const scanArchive = async (
  bytes: Uint8Array,
  visit: (name: string) => PartVisitor | undefined = () => undefined,
  options: { readonly onlyVisited?: boolean } = {},
): Promise<Result<undefined, string>> => {
  let refusal: string | undefined;
  let entries = 0;
  let total = 0;
  const unzip = new Unzip((file) => {
    if (refusal !== undefined) return;
    entries++;
    if (entries > maxArchiveEntries) {
      refusal = tooManyEntriesMessage();
      return;
    }
    if (file.originalSize !== undefined && file.originalSize > maxPartBytes) {
      refusal = partTooLargeMessage(file.name);
      return;
    }
    const visitor = visit(file.name);
    // A part not asked for is left packed: only for a second look, after a full scan has passed.
    if (visitor === undefined && options.onlyVisited === true) return;
    let partBytes = 0;
    file.ondata = (error, chunk, isLast) => {
      if (refusal !== undefined) return;
      if (error !== null) {
        refusal = unreadableWorkbookMessage;
        return;
      }
      partBytes += chunk.length;
      total += chunk.length;
      if (partBytes > maxPartBytes) refusal = partTooLargeMessage(file.name);
      else if (total > maxUnpackedBytes) refusal = workbookTooLargeMessage();
      if (refusal !== undefined) {
        file.terminate();
        return;
      }
      visitor?.data(chunk);
      if (isLast) visitor?.end();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0, slice = 1; at < bytes.length && refusal === undefined; at += sliceBytes, slice++) {
      const end = Math.min(at + sliceBytes, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
      if (slice % slicesPerTurn === 0) await nextTurn();
    }
  } catch {
    // fflate throws on a corrupt deflate stream or a truncated archive.
    return err(unreadableWorkbookMessage);
  }
  return refusal === undefined ? ok(undefined) : err(refusal);
};

/**
 * One part's bytes, unpacked under the same limits; undefined when it is absent or refused. For an
 * archive scanArchive has already passed: the other parts are not unpacked again.
 */
export const readArchivePart = async (bytes: Uint8Array, name: string): Promise<Uint8Array | undefined> => {
  const chunks: Uint8Array[] = [];
  const found: Uint8Array[] = [];
  const scanned = await scanArchive(
    bytes,
    (entry) =>
      entry === name
        ? {
            data: (chunk) => chunks.push(chunk),
            end: () => found.push(joinChunks(chunks)),
          }
        : undefined,
    { onlyVisited: true },
  );
  return scanned.ok ? found[0] : undefined;
};

export const joinChunks = (chunks: readonly Uint8Array[]): Uint8Array => {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const joined = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
};
