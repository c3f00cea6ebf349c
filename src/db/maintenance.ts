// Keeping the file itself: consistent copies (backup), putting a copy back in place (restore) and
// the checks `crm doctor` reports. Copies are taken with VACUUM INTO — one read transaction, so
// other users keep writing while it runs and the copy is the state at one instant — and each copy
// passes integrity_check before it is given its final name.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BusyError, StorageError } from '../errors.js';
import { APPLICATION_ID, BUSY_TIMEOUT_MS, integrityProblems, requireDatabaseFile, schemaSql, sqliteCode, storageFailure, type Db } from './database.js';
import { SCHEMA_VERSION } from './migrations.js';
import { stmt } from './statements.js';

/** What a checked copy holds. */
export interface CopyInfo {
  schemaVersion: number;
  customers: number;
  bytes: number;
}

/** Flushes a file, or a directory after a rename in it, to the disk. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens a file that should be a crm database without changing it (no migration, no WAL switch). */
export function openForReading(path: string): Db {
  requireDatabaseFile(path);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (e) {
    throw new StorageError('db.cannot_open', { path, reason: (e as Error).message });
  }
}

/**
 * Refuses a file that is not a sound crm database this version can use: another program's file,
 * a schema from a newer crm, or one that fails integrity_check.
 */
export function checkedCopyInfo(db: Db, path = db.name): CopyInfo {
  try {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new StorageError('maintenance.copy_not_crm', { path });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new StorageError('db.too_new', { path, version, supported: SCHEMA_VERSION });
    const problems = integrityProblems(db);
    if (problems.length > 0) throw new StorageError('maintenance.copy_damaged', { path, detail: problems.slice(0, 3).join('; ') });
    const customers = (stmt(db, 'SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    return { schemaVersion: version, customers, bytes: statSync(db.name).size };
  } catch (e) {
    const code = sqliteCode(e);
    if (code === 'SQLITE_NOTADB') throw new StorageError('maintenance.copy_not_crm', { path });
    if (code.startsWith('SQLITE_CORRUPT')) throw new StorageError('maintenance.copy_damaged', { path, detail: (e as Error).message });
    throw e;
  }
}

/**
 * Writes a consistent copy of `db` to `dest` (mode 0600): into a temporary file beside it first,
 * checked with integrity_check, flushed, then renamed into place — so `dest` is either the old
 * file or a whole, verified copy, never a half-written one.
 */
export function writeVerifiedCopy(db: Db, dest: string): CopyInfo {
  const temp = `${dest}.${process.pid}.tmp`;
  try {
    // VACUUM INTO accepts an empty file: creating it first gives it mode 0600 whatever the umask.
    closeSync(openSync(temp, 'wx', 0o600));
    try {
      stmt(db, 'VACUUM INTO ?').run(temp);
    } catch (e) {
      // A damaged table page stops the copy: reported (and marked) as damage of the database.
      throw storageFailure(db, e);
    }
    syncPath(temp);
    const copy = openForReading(temp);
    let info: CopyInfo;
    try {
      info = checkedCopyInfo(copy, dest);
    } finally {
      copy.close();
    }
    renameSync(temp, dest);
    syncPath(dirname(dest));
    return info;
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
  }
}

/** The previous database kept by a restore: a consistent copy, or its raw bytes if it is too damaged for that. */
export function keepPrevious(path: string, dest: string): void {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      closeSync(openSync(dest, 'wx', 0o600));
      stmt(db, 'VACUUM INTO ?').run(dest);
    } finally {
      db.close();
    }
  } catch (e) {
    if (e instanceof Error && 'code' in e && (e as { code: string }).code === 'EEXIST') throw e;
    // A damaged file cannot be vacuumed: keep what is on disk, its WAL beside it.
    copyFileSync(path, dest);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${dest}-wal`);
  }
  syncPath(dest);
}

const ALL_PAGES = 0x7fffffff;
const RETRY_MS = 50;

/**
 * Replaces the content of the database at `target` by that of `source` in one write transaction
 * (SQLite's backup API), so that other connections, in this process or others, simply see a
 * commit: no file is swapped under anyone's feet. `whileLocked` runs once the write lock is held
 * and before anything is copied — the moment to keep the previous content, which no one can then
 * change. A lock held by someone else past the busy timeout ends with "database busy", nothing
 * changed.
 */
export async function copyOver(source: Db, target: string, whileLocked: () => void): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    let locked = false;
    // better-sqlite3 asks for 0 pages first, which only takes the locks, then calls `progress`.
    const result = await source.backup(target, {
      progress: () => {
        if (!locked) {
          locked = true;
          whileLocked();
        }
        return ALL_PAGES;
      },
    });
    // No pages counted: the first step found the target locked (better-sqlite3 then returns as if done).
    if (result.totalPages > 0 && locked) return;
    if (Date.now() > deadline) throw new BusyError('db.busy');
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

/** One finding of `crm doctor`. */
export interface Finding {
  check: string;
  ok: boolean;
  detail: string;
}

/** Rows foreign_key_check finds pointing at nothing, as "table #rowid → parent". */
export function foreignKeyProblems(db: Db): string[] {
  const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return rows.map((r) => `${r.table} #${r.rowid} → ${r.parent}`);
}

/** Tables, indexes and triggers the current schema has and the file lacks, or the reverse. */
export function schemaDifferences(db: Db): string[] {
  const names = (d: Db) =>
    new Set((d.prepare("SELECT type || ' ' || name AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { n: string }[]).map((r) => r.n));
  const expected = new Database(':memory:');
  try {
    expected.exec(schemaSql());
    const want = names(expected);
    const have = names(db);
    return [...[...want].filter((n) => !have.has(n)).map((n) => `- ${n}`), ...[...have].filter((n) => !want.has(n)).map((n) => `+ ${n}`)];
  } finally {
    expected.close();
  }
}

/** Runs a checkpoint that empties the WAL into the database; false when readers kept it from finishing. */
export function checkpoint(db: Db): boolean {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}
