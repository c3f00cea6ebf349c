// Files written whole or not at all: each to a temporary file beside it (same directory, so the
// rename is atomic), then put in place. A command that also writes the database stages its files
// inside its transaction and puts them in place after the commit, so a failure on either side
// leaves neither half done. Failures are told as the user can act on them (no directory, no
// permission, a directory where a file was meant, a full disk), naming the file asked for and
// never the temporary one.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import type { Context } from '../context.js';
import { StorageError, UsageError } from '../errors.js';

export interface OutputFile {
  path: string;
  /** Text (written as UTF-8) or bytes (a spreadsheet). */
  text: string | Uint8Array;
}

export interface StagedFiles {
  /** Puts every file in place (renames only: nothing left to fail but the rename itself). */
  commit(): void;
  /** Removes what was staged. */
  discard(): void;
}

/** A workbook's bytes on a terminal would only garble it: without --out they go to a pipe only. */
export function refuseBytesOnTerminal(ctx: Context, out: string | undefined): void {
  if (out === undefined && ctx.io.stdout.isTTY) throw new UsageError('file.bytes_on_terminal', {});
}

/** An existing directory, or a name written as one (月报/): not a file to write. */
export function namesDirectory(path: string): boolean {
  return path.endsWith('/') || path.endsWith(sep) || (existsSync(path) && statSync(path).isDirectory());
}

export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** A write to `path` that failed, as one line the user can act on. */
export function writeFailure(path: string, e: unknown): StorageError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const dir = dirname(path);
  if (code === 'ENOENT') return new StorageError('file.no_directory', { path, dir });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new StorageError('file.not_writable', { path, dir });
  if (code === 'EISDIR') return new StorageError('file.is_directory', { path });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('io.disk_full', {});
  return new StorageError('file.cannot_write', { path, reason: code || (e as Error).message });
}

/** Writes every file to its temporary; on any failure removes them all and says which file failed. */
export function stageFiles(files: readonly OutputFile[]): StagedFiles {
  const temps = files.map((f) => temporaryPath(f.path));
  const discard = () => temps.forEach((t) => rmSync(t, { force: true }));
  let current = files[0]?.path ?? '';
  const attempt = (step: (f: OutputFile, temp: string) => void) => {
    try {
      files.forEach((f, i) => {
        current = f.path;
        step(f, temps[i]!);
      });
    } catch (e) {
      discard();
      throw writeFailure(current, e);
    }
  };
  attempt((f, temp) => writeFileSync(temp, f.text, { mode: 0o600 }));
  return { commit: () => attempt((f, temp) => renameSync(temp, f.path)), discard };
}

/**
 * Runs a database transaction that may stage files (`stage`), and puts them in place only once it
 * has committed: a failed transaction leaves no file, and a file that cannot be written fails the
 * transaction.
 */
export async function filesAfterCommit<T>(transaction: (stage: (files: readonly OutputFile[]) => void) => T | Promise<T>): Promise<T> {
  const staged: StagedFiles[] = [];
  try {
    const done = await transaction((files) => staged.push(stageFiles(files)));
    for (const files of staged) files.commit();
    return done;
  } catch (e) {
    for (const files of staged) files.discard();
    throw e;
  }
}

/** Writes the files now, whole or not at all. */
export function writeFilesAtomically(files: readonly OutputFile[]): void {
  stageFiles(files).commit();
}
