// crm backup FILE [--force] [--json]: a consistent copy of the database taken while others keep
// working (VACUUM INTO: one read transaction), verified with integrity_check before it gets its
// name, mode 0600. The backup is recorded in the access log: it is a copy of every file.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import type { Db } from '../db/database.js';
import { writeVerifiedCopy, type CopyInfo } from '../db/maintenance.js';
import { isoDate } from '../domain/date.js';
import { mayBackUp } from '../domain/maintenance.js';
import { ConflictError, PermissionError, StorageError, UsageError } from '../errors.js';
import { namesDirectory, writeFailure } from '../io/atomic-files.js';
import { duringStep } from '../io/progress.js';
import { withSession } from '../session.js';

export interface BackupOptions {
  force?: boolean;
  json?: boolean;
}

const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** What FILE must be before anything is read: a new or existing plain file in an existing directory. */
function checkDestination(ctx: Context, file: string, force: boolean): string {
  if (file.trim() === '') throw new UsageError('backup.no_file', {});
  const dest = resolve(file);
  if (namesDirectory(file)) throw new UsageError('backup.is_directory', { path: file, example: join(file, `crm-${isoDate(ctx.now())}.db`) });
  if (dest === resolve(ctx.dbPath)) throw new UsageError('backup.same_file', { path: file });
  if (!isDirectory(dirname(dest))) throw new StorageError('backup.no_dir', { dir: dirname(dest) });
  if (!existsSync(dest)) return dest;
  // The copy is renamed over FILE: a device or pipe would be replaced by it (for root, even /dev/…).
  if (!statSync(dest).isFile()) throw new StorageError('backup.not_regular', { path: file });
  if (!force) throw new ConflictError('backup.exists', { path: file });
  return dest;
}

/** The verified copy; a file system refusal told about FILE as the user can act on it, not the temporary file. */
function copyTo(db: Db, dest: string): CopyInfo {
  try {
    return writeVerifiedCopy(db, dest);
  } catch (e) {
    if (e instanceof Error && 'syscall' in e) throw writeFailure(dest, e);
    throw e;
  }
}

export async function run(ctx: Context, file: string, o: BackupOptions): Promise<void> {
  const dest = checkDestination(ctx, file, !!o.force);
  const info = await withSession(ctx, 'backup', (s) => {
    if (!mayBackUp(s.caller)) throw new PermissionError('backup.not_allowed', {});
    const copy = duringStep(ctx, ctx.t('backup.copying'), () => copyTo(s.db, dest));
    consultTransaction(s.db, () => logAccess(s.db, s.actor, 'backup', [{ customerId: null, basis: 'all' }]));
    return copy;
  });
  if (o.json) printJson(ctx, { path: dest, customers: info.customers, bytes: info.bytes, schema_version: info.schemaVersion, integrity: 'ok' });
  else print(ctx, ctx.t('backup.done', { path: file, customers: info.customers, mb: (info.bytes / 2 ** 20).toFixed(1), version: info.schemaVersion }));
}
