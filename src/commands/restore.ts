// crm restore FILE [--json]: puts a backup back. The file must be a sound crm database (its
// application id, a schema version this crm knows, integrity_check ok); a copy of it is staged
// beside the database, then written over the database in one write transaction (SQLite's backup
// API), so that anyone else with the file open sees one commit, not a swapped file. The previous
// content is kept as FILE.before-restore-<time>. Only a current database too damaged to open is
// moved aside whole instead.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { print, printJson, type Context } from '../context.js';
import { clearDamageMark, openDatabase, sqliteCode, type Db } from '../db/database.js';
import { checkedCopyInfo, copyOver, keepPrevious, openForReading, syncPath, writeVerifiedCopy, type CopyInfo } from '../db/maintenance.js';
import { staffByLogin } from '../db/staff.js';
import { localTimestamp } from '../domain/date.js';
import { mayRestore } from '../domain/maintenance.js';
import { PermissionError, StorageError, UsageError } from '../errors.js';
import { duringStep } from '../io/progress.js';
import { withSession } from '../session.js';

export interface RestoreOptions {
  json?: boolean;
}

/**
 * An administrator of the current database; when that one cannot be opened (the usual reason
 * to restore) or does not exist yet, an administrator of the backup.
 */
async function authorise(ctx: Context, target: string, backup: Db): Promise<void> {
  if (existsSync(target)) {
    try {
      await withSession(ctx, 'restore', (s) => {
        if (!mayRestore(s.caller.role)) throw new PermissionError('restore.admin_only', {});
      });
      return;
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
    }
  }
  const me = staffByLogin(backup, ctx.osLogin);
  if (!me || !me.active || !mayRestore(me.role)) throw new PermissionError('restore.admin_only', {});
}

/**
 * DB.before-restore-<time>; a restore earlier in the same second kept its copy under that name,
 * so this one takes -2, -3 …: a kept copy is never overwritten (nor removed if this restore fails).
 */
function previousName(target: string, now: Date): string {
  const base = `${target}.before-restore-${localTimestamp(now).slice(0, 19).replace(/:/g, '')}`;
  let name = base;
  for (let n = 2; existsSync(name) || existsSync(`${name}-wal`); n++) name = `${base}-${n}`;
  return name;
}

/** A file SQLite cannot even read is in no one's use: it is moved aside whole, with its WAL. */
function swapIn(staged: string, target: string, previous: string): void {
  rmSync(previous, { force: true });
  renameSync(target, previous);
  if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${previous}-wal`);
  rmSync(`${target}-shm`, { force: true });
  renameSync(staged, target);
  syncPath(dirname(target));
}

export async function run(ctx: Context, file: string, o: RestoreOptions): Promise<void> {
  const source = resolve(file);
  const target = resolve(ctx.dbPath);
  if (source === target) throw new UsageError('restore.same_file', { path: file });
  if (!existsSync(source)) throw new StorageError('restore.missing', { path: file });
  if (statSync(source).isDirectory()) throw new UsageError('restore.is_directory', { path: file });
  const staged = `${target}.restore-${process.pid}.tmp`;
  const previous = previousName(target, ctx.now());
  const backup = openForReading(source);
  let info: CopyInfo;
  let kept: string | null = null;
  try {
    info = duringStep(ctx, ctx.t('restore.checking'), () => checkedCopyInfo(backup));
    await authorise(ctx, target, backup);
    duringStep(ctx, ctx.t('restore.staging'), () => writeVerifiedCopy(backup, staged));
  } finally {
    backup.close();
  }
  try {
    if (!existsSync(target)) {
      renameSync(staged, target);
      syncPath(dirname(target));
    } else {
      const copy = openForReading(staged);
      try {
        await copyOver(copy, target, () => keepPrevious(target, previous));
      } catch (e) {
        const code = sqliteCode(e);
        if (code !== 'SQLITE_NOTADB' && !code.startsWith('SQLITE_CORRUPT')) {
          // Nothing was replaced: a previous copy already taken would only mislead.
          rmSync(previous, { force: true });
          rmSync(`${previous}-wal`, { force: true });
          throw e;
        }
        copy.close();
        swapIn(staged, target, previous);
      } finally {
        if (copy.open) copy.close();
      }
      kept = previous;
    }
  } finally {
    rmSync(staged, { force: true });
  }
  clearDamageMark(target);
  // An older backup is brought up to the current schema now, not by the next clerk's command.
  openDatabase(target).close();
  if (o.json) printJson(ctx, { restored_from: source, previous: kept, customers: info.customers, schema_version: info.schemaVersion });
  else {
    print(ctx, ctx.t('restore.done', { from: file, customers: info.customers, version: info.schemaVersion }));
    if (kept) print(ctx, ctx.t('restore.previous', { path: kept }));
  }
}
