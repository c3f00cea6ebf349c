// crm backup FILE [--force] [--json]: a consistent copy of the database taken while others keep
// working (VACUUM INTO: one read transaction), verified with integrity_check before it gets its
// name, mode 0600. The backup is recorded in the access log: it is a copy of every file.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { writeVerifiedCopy } from '../db/maintenance.js';
import { mayBackUp } from '../domain/maintenance.js';
import { ConflictError, PermissionError, StorageError, UsageError } from '../errors.js';
import { duringStep } from '../io/progress.js';
import { withSession } from '../session.js';

export interface BackupOptions {
  force?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, file: string, o: BackupOptions): Promise<void> {
  const dest = resolve(file);
  if (dest === resolve(ctx.dbPath)) throw new UsageError('backup.same_file', { path: file });
  if (!existsSync(dirname(dest))) throw new StorageError('backup.no_dir', { dir: dirname(dest) });
  if (existsSync(dest) && !o.force) throw new ConflictError('backup.exists', { path: file });
  const info = await withSession(ctx, 'backup', (s) => {
    if (!mayBackUp(s.caller)) throw new PermissionError('backup.not_allowed', {});
    const copy = duringStep(ctx, ctx.t('backup.copying'), () => writeVerifiedCopy(s.db, dest));
    consultTransaction(s.db, () => logAccess(s.db, s.actor, 'backup', [{ customerId: null, basis: 'all' }]));
    return copy;
  });
  if (o.json) printJson(ctx, { path: dest, customers: info.customers, bytes: info.bytes, schema_version: info.schemaVersion, integrity: 'ok' });
  else print(ctx, ctx.t('backup.done', { path: file, customers: info.customers, mb: (info.bytes / 2 ** 20).toFixed(1), version: info.schemaVersion }));
}
