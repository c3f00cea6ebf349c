// crm doctor [--json]: checks the database file and says what is wrong — integrity_check,
// foreign_key_check, the settings every connection must have (WAL, foreign keys, busy timeout,
// secure_delete), the schema version and objects, file permissions, and the WAL's size
// (checkpointed when large). Exit 1 with the list when anything fails. It needs no staff
// identity: it must work on a file whose staff table is unreadable, and it shows no customer data.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { print, printJson, type Context } from '../context.js';
import { APPLICATION_ID, BUSY_TIMEOUT_MS, clearDamageMark, configure, integrityProblems, markDamaged, sqliteCode, type Db } from '../db/database.js';
import { checkpoint, foreignKeyProblems, schemaDifferences, type Finding } from '../db/maintenance.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { StorageError } from '../errors.js';
import { duringStep } from '../io/progress.js';

export interface DoctorOptions {
  json?: boolean;
}

/** SQLite truncates the WAL only at a checkpoint; beyond this it is worth doing one. */
const WAL_LIMIT_BYTES = 64 * 2 ** 20;
const SHOWN_PROBLEMS = 10;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function permissions(ctx: Context, path: string): Finding {
  const files = [path, `${path}-wal`, `${path}-shm`].filter((f) => existsSync(f));
  const open = files.filter((f) => (statSync(f).mode & 0o007) !== 0);
  const modes = files.map((f) => `${f.slice(path.length) || 'db'} ${(statSync(f).mode & 0o777).toString(8).padStart(4, '0')}`).join(', ');
  return { check: 'permissions', ok: open.length === 0, detail: open.length === 0 ? modes : ctx.t('doctor.open_permissions', { files: open.join(', ') }) };
}

/** Runs one check; SQLite refusing to read (a damaged page) is that check's failure, not a crash. */
function attempt(ctx: Context, check: string, fn: () => Finding): Finding {
  try {
    return fn();
  } catch (e) {
    const code = sqliteCode(e);
    const message = (e as Error).message;
    if (code === 'SQLITE_NOTADB') return { check, ok: false, detail: ctx.t('doctor.not_a_database') };
    if (code.startsWith('SQLITE_CORRUPT')) return { check, ok: false, detail: ctx.t('doctor.damaged', { message }) };
    return { check, ok: false, detail: message };
  }
}

function listed(problems: string[]): string {
  return problems.length === 0 ? 'ok' : problems.slice(0, SHOWN_PROBLEMS).join('; ') + (problems.length > SHOWN_PROBLEMS ? ` (+${problems.length - SHOWN_PROBLEMS})` : '');
}

function databaseChecks(ctx: Context, db: Db, path: string): Finding[] {
  const findings: Finding[] = [];
  const isCrm = attempt(ctx, 'crm_file', () => {
    const ok = db.pragma('application_id', { simple: true }) === APPLICATION_ID;
    return { check: 'crm_file', ok, detail: ok ? 'ok' : ctx.t('doctor.not_crm') };
  });
  findings.push(isCrm);
  if (!isCrm.ok) return findings;
  const version = db.pragma('user_version', { simple: true }) as number;
  findings.push({
    check: 'schema_version',
    ok: version <= SCHEMA_VERSION,
    detail: version === SCHEMA_VERSION ? String(version) : ctx.t(version > SCHEMA_VERSION ? 'doctor.version_newer' : 'doctor.version_older', { version, supported: SCHEMA_VERSION }),
  });
  findings.push(
    attempt(ctx, 'settings', () => {
      configure(db);
      const values = {
        journal_mode: db.pragma('journal_mode', { simple: true }),
        foreign_keys: db.pragma('foreign_keys', { simple: true }),
        busy_timeout: db.pragma('busy_timeout', { simple: true }),
        secure_delete: db.pragma('secure_delete', { simple: true }),
      };
      const ok = values.journal_mode === 'wal' && values.foreign_keys === 1 && values.busy_timeout === BUSY_TIMEOUT_MS && values.secure_delete === 1;
      return { check: 'settings', ok, detail: Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ') };
    }),
  );
  const integrity = attempt(ctx, 'integrity', () => {
    const problems = duringStep(ctx, ctx.t('doctor.checking'), () => integrityProblems(db));
    return { check: 'integrity', ok: problems.length === 0, detail: listed(problems) };
  });
  findings.push(integrity);
  // The mark makes every writer refuse until the file passes again (see database.ts).
  if (integrity.ok) clearDamageMark(path);
  else markDamaged(path, integrity.detail);
  findings.push(
    attempt(ctx, 'foreign_keys', () => {
      const problems = foreignKeyProblems(db);
      return { check: 'foreign_keys', ok: problems.length === 0, detail: listed(problems) };
    }),
  );
  // An older file gets the current objects from its migrations at the next command.
  if (version === SCHEMA_VERSION)
    findings.push(
      attempt(ctx, 'schema', () => {
        const differences = schemaDifferences(db);
        return { check: 'schema', ok: differences.length === 0, detail: listed(differences) };
      }),
    );
  findings.push(attempt(ctx, 'wal', () => walFinding(ctx, db, path)));
  return findings;
}

function walFinding(ctx: Context, db: Db, path: string): Finding {
  const size = () => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
  const before = size();
  if (before <= WAL_LIMIT_BYTES) return { check: 'wal', ok: true, detail: `${mb(before)} MB` };
  const done = checkpoint(db);
  const after = size();
  return done
    ? { check: 'wal', ok: true, detail: ctx.t('doctor.wal_checkpointed', { before: mb(before), after: mb(after) }) }
    : { check: 'wal', ok: false, detail: ctx.t('doctor.wal_busy', { mb: mb(after) }) };
}

export async function run(ctx: Context, o: DoctorOptions): Promise<void> {
  const path = ctx.dbPath;
  if (!existsSync(path)) throw new StorageError('db.missing', { path });
  const findings: Finding[] = [permissions(ctx, path)];
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (e) {
    findings.push({ check: 'open', ok: false, detail: (e as Error).message });
  }
  if (db) {
    try {
      findings.push(...databaseChecks(ctx, db, path));
    } finally {
      db.close();
    }
  }
  const failed = findings.filter((f) => !f.ok).length;
  if (o.json) printJson(ctx, { path, ok: failed === 0, checks: findings });
  else for (const f of findings) print(ctx, `${f.ok ? '✓' : '✗'} ${ctx.t(`doctor.check_${f.check}` as never)}: ${f.detail}`);
  if (failed > 0) throw new StorageError('doctor.failed', { n: failed });
}
