import { createHash, randomBytes } from 'node:crypto';
import { open, rm, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** A file in place: its SHA-256 is over exactly the bytes written to it. */
export interface WrittenFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Where a writer puts its text; each call is encoded to UTF-8, hashed and written before it resolves. */
export interface TextSink {
  write(text: string): Promise<void>;
}

const writeAll = async (handle: FileHandle, bytes: Buffer): Promise<void> => {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
};

const syncFolder = async (folder: string): Promise<void> => {
  // The rename is durable only once the folder's entry is flushed; Windows cannot open a folder for that.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Writes a file through a temporary file in the same folder, flushed to disk, then renamed over the
 * target: a crash or a full disk leaves the old file or the new one, never a half-written one. The
 * temporary file is created exclusively with `mode` (so a secret file is never readable by others, not
 * even for a moment) and removed when anything fails. I/O errors are thrown to the caller.
 */
export const writeFileAtomically = async <T>(
  filePath: string,
  mode: number,
  produce: (sink: TextSink) => Promise<T>,
): Promise<{ readonly file: WrittenFile; readonly produced: T }> => {
  const folder = path.dirname(filePath);
  const temporary = path.join(folder, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  let isOpen = true;
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const produced = await produce({
      write: async (text) => {
        const encoded = Buffer.from(text, 'utf8');
        hash.update(encoded);
        bytes += encoded.length;
        await writeAll(handle, encoded);
      },
    });
    await handle.sync();
    isOpen = false;
    await handle.close();
    await rename(temporary, filePath);
    await syncFolder(folder);
    return { file: { path: filePath, sha256: hash.digest('hex'), bytes }, produced };
  } catch (error) {
    // The first failure is the one to report; closing after it is only cleanup.
    if (isOpen) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
};
