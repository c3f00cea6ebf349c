// The rejected rows of an import, written as a CSV that Excel opens (UTF-8 with BOM) with the
// original columns plus the line and the reason, so the clerk can fix them and import again.
// Formula-like cells are neutralised as in every CSV crm writes (the import takes the quote off).
// Written to a temporary file and renamed into place, so a failed run leaves no half file.
import { stringify } from 'csv-stringify/sync';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { namesDirectory, temporaryPath, writeFailure } from './atomic-files.js';
import { safeCell } from './csv-safe.js';

export interface ErrorsFile {
  add(line: number, reason: string, fields: string[]): void;
  commit(): void;
  discard(): void;
}

/** Refused before anything is imported: the path must name a file in a directory we may write. */
function openTemp(path: string, temp: string): number {
  if (namesDirectory(path)) throw new UsageError('import.errors_is_directory', { path });
  try {
    return openSync(temp, 'w', 0o600);
  } catch (e) {
    throw new UsageError('import.errors_unwritable', { path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

export function openErrorsFile(path: string, header: string[], labels: { line: string; reason: string }): ErrorsFile {
  const temp = temporaryPath(path);
  const fd = openTemp(path, temp);
  writeSync(fd, '\uFEFF' + stringify([[...header, labels.line, labels.reason].map(safeCell)]));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    add(line, reason, fields) {
      writeSync(fd, stringify([[...fields, String(line), reason].map(safeCell)]));
    },
    commit() {
      close();
      try {
        renameSync(temp, path);
      } catch (e) {
        rmSync(temp, { force: true });
        throw writeFailure(path, e);
      }
    },
    discard() {
      close();
      rmSync(temp, { force: true });
    },
  };
}
