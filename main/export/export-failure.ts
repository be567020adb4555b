import path from 'node:path';

/** Why an export file could not be written, in words the person choosing the folder can act on. */
export interface ExportFailure {
  readonly code: 'export_unwritable';
  readonly message: string;
  readonly path: string;
}

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'a folder has that name',
  EEXIST: 'a file is in the way',
};

const isSystemError = (error: unknown): error is Error & { readonly code: string } =>
  error instanceof Error && 'code' in error && typeof error.code === 'string';

/**
 * A file-system error while writing `filePath` as an `ExportFailure` naming the file; anything else is a
 * bug and is thrown on.
 */
export const asExportFailure = (filePath: string, error: unknown): ExportFailure => {
  if (!isSystemError(error)) throw error;
  const code = error.code;
  const reason = reasons[code] ?? error.message;
  return {
    code: 'export_unwritable',
    message: `Could not write ${path.basename(filePath)} in ${path.dirname(filePath)}: ${reason} (${code}).`,
    path: filePath,
  };
};
