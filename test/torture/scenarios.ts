// The torture scenarios, run against the built `crm` binary as separate processes: at small sizes
// by the tests beside this file (npm test), at full size by bench/torture.mjs (npm run bench,
// BENCH_ONLY=torture), which bundles this file. Each returns its figures; a scenario never
// decides pass or fail itself — the test or the benchmark does, from `failures`.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ReturnType<typeof spawn>;
  done: Promise<Ran>;
}

/** Starts the binary like a script would: piped, no terminal, English messages. */
export function startCrm(bin: string, db: string, argv: string[], env: NodeJS.ProcessEnv = {}): Running {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--db', db, ...argv], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => err.push(c));
  const done = new Promise<Ran>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - t0 }),
    ),
  );
  return { child, done };
}

export const runCrm = (bin: string, db: string, argv: string[], env: NodeJS.ProcessEnv = {}) => startCrm(bin, db, argv, env).done;

/** A new database registering the OS login as administrator (as `crm init` does). */
export async function initDb(bin: string, db: string): Promise<void> {
  const r = await runCrm(bin, db, ['init']);
  if (r.code !== 0) throw new Error(`crm init: ${r.stderr}`);
}

function integrity(db: string): string {
  // Opened read-write, so that a WAL left by a killed process is recovered as SQLite would.
  const d = new Database(db);
  try {
    return (d.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  } finally {
    d.close();
  }
}

function countRows(db: string, table: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

/** mulberry32: the same "random" moments every run of a given seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- Many writers and a reader at once ----------------------------------------------------------

export interface WritersFigures {
  workers: number;
  writes: number;
  /** Reading commands run meanwhile: reports, lists and backups (a backup is one read transaction). */
  reads: number;
  backups: number;
  /** Commands that exited non-zero or wrote to stderr. */
  errors: string[];
  /** Adds not found, or updates not reflected, afterwards. */
  missing: string[];
  integrity: string;
  /** integrity_check of the last backup taken while the writers ran. */
  backupIntegrity: string;
  seconds: number;
  failures: number;
}

/**
 * `workers` processes at once, each alternating `crm add` and `crm update` of what it added
 * (`perWorker` commands each), while a reader runs `crm report monthly` (on two threads, as
 * for a large book: two read transactions, read again if a commit falls between them), `crm list`
 * and `crm backup` in turn.
 */
export async function concurrentWriters(bin: string, dir: string, workers: number, perWorker: number): Promise<WritersFigures> {
  const db = join(dir, 'writers.db');
  await initDb(bin, db);
  const errors: string[] = [];
  const expected = new Map<string, { name: string; industry: string | null }>();
  const note = (what: string, r: Ran) => {
    if (r.code !== 0 || r.stderr !== '') errors.push(`${what}: exit ${r.code ?? r.signal} ${r.stderr.trim()}`);
  };
  const t0 = performance.now();
  let writing = true;
  let reads = 0;
  const backup = join(dir, 'writers-backup.db');
  let backups = 0;
  const reader = (async () => {
    const turns = [['report', 'monthly', '--month', '2026-10', '--format', 'json'], ['list', '--json'], ['backup', backup, '--force']];
    while (writing) {
      const argv = turns[reads % turns.length]!;
      note(`reader ${argv[0]}`, await runCrm(bin, db, argv, { CRM_THREADS: '2' }));
      if (argv[0] === 'backup') backups++;
      reads++;
    }
  })();
  const worker = async (w: number) => {
    let last: string | null = null;
    for (let j = 0; j < perWorker; j++) {
      if (j % 2 === 0 || last === null) {
        const name = `并发测试${w}号${j}有限公司`;
        const r = await runCrm(bin, db, ['add', '--name', name, '--phone', `0755-8${String(w).padStart(3, '0')}${String(j).padStart(4, '0')}`, '--json']);
        note(`add ${name}`, r);
        if (r.code === 0) {
          last = (JSON.parse(r.stdout) as { id: string }).id;
          expected.set(last, { name, industry: null });
        }
      } else {
        const industry = `行业${w}-${j}`;
        const r = await runCrm(bin, db, ['update', last, '--set', `industry=${industry}`]);
        note(`update ${last}`, r);
        expected.get(last)!.industry = industry;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  writing = false;
  await reader;
  const seconds = (performance.now() - t0) / 1000;
  const missing: string[] = [];
  const d = new Database(db, { readonly: true });
  try {
    const byId = d.prepare("SELECT name, industry FROM customers WHERE id = ?");
    for (const [id, want] of expected) {
      const row = byId.get(Number(id.slice(1))) as { name: string; industry: string | null } | undefined;
      if (!row || row.name !== want.name || row.industry !== want.industry) missing.push(`${id}: ${JSON.stringify(row)} ≠ ${JSON.stringify(want)}`);
    }
  } finally {
    d.close();
  }
  const check = integrity(db);
  const backupCheck = backups > 0 ? integrity(backup) : 'none taken';
  const failures = errors.length + missing.length + (check === 'ok' ? 0 : 1) + (backupCheck === 'ok' ? 0 : 1);
  return { workers, writes: workers * perWorker, reads, backups, errors, missing, integrity: check, backupIntegrity: backupCheck, seconds, failures };
}

// ---- A lock held past the busy timeout -----------------------------------------------------------

export interface BusyFigures {
  code: number | null;
  stderr: string;
  ms: number;
  customersBefore: number;
  customersAfter: number;
}

/** Another process holds the write lock for `holdMs`; meanwhile `crm add` tries to write. */
export async function lockedOut(bin: string, dir: string, holdMs: number): Promise<BusyFigures> {
  const db = join(dir, 'locked.db');
  await initDb(bin, db);
  const customersBefore = countRows(db, 'customers');
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n'); setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, ${holdMs});`;
  // Run from the package root, where better-sqlite3 resolves.
  const holder = spawn(process.execPath, ['-e', script, db], { cwd: dirname(dirname(bin)), stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await Promise.race([once(holder.stdout!, 'data').then(() => true), once(holder, 'exit').then(() => false)]);
  if (!ready) throw new Error('the process meant to hold the write lock ended first');
  const r = await runCrm(bin, db, ['add', '--name', '锁等待测试有限公司']);
  await once(holder, 'close');
  return { code: r.code, stderr: r.stderr, ms: r.ms, customersBefore, customersAfter: countRows(db, 'customers') };
}

// ---- kill -9 during an import --------------------------------------------------------------------

export interface KillFigures {
  trials: number;
  rows: number;
  /** Trials that ended with none of the import, and with all of it. */
  none: number;
  all: number;
  /** Trials with integrity_check failing or a part of the import present. */
  failures: string[];
  fullImportSeconds: number;
}

/** A card file of `rows` distinct companies, each with one contact (a unique mobile). */
export async function writeCardFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('公司名称,姓名,职务,手机,电子邮箱\n');
  for (let i = 0; i < rows; i++) {
    const line = `测试电子${i}有限公司,王${i % 97}强,采购经理,139${String(i).padStart(8, '0')},card${i}@example.com\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Imports `rows` cards `trials` times into a fresh copy of one database, killing the process
 * with SIGKILL at a random moment of the import's duration (measured by one full import first);
 * then checks the file: integrity_check ok, and all of the import or none of it.
 */
export async function killDuringImport(bin: string, dir: string, rows: number, trials: number, seed: number): Promise<KillFigures> {
  const csv = join(dir, 'cards.csv');
  await writeCardFile(csv, rows);
  const base = join(dir, 'base.db');
  await initDb(bin, base);
  const fresh = (n: string) => {
    const db = join(dir, `trial-${n}.db`);
    copyFileSync(base, db); // closed cleanly by init: no WAL beside it
    return db;
  };
  const full = await runCrm(bin, fresh('full'), ['import', csv, '--json']);
  if (full.code !== 0) throw new Error(`the full import failed: ${full.stderr}`);
  const random = seeded(seed);
  const failures: string[] = [];
  let none = 0;
  let all = 0;
  for (let t = 0; t < trials; t++) {
    const db = fresh(String(t));
    const at = random() * full.ms;
    const running = startCrm(bin, db, ['import', csv, '--json']);
    const timer = setTimeout(() => running.child.kill('SIGKILL'), at);
    const r = await running.done;
    clearTimeout(timer);
    const check = integrity(db);
    const [customers, contacts, imports] = ['customers', 'contacts', 'imports'].map((table) => countRows(db, table));
    if (check !== 'ok') failures.push(`trial ${t} (kill at ${at.toFixed(0)} ms): integrity_check ${check}`);
    if (customers === 0 && contacts === 0 && imports === 0) none++;
    else if (customers === rows && contacts === rows && imports === 1) all++;
    else failures.push(`trial ${t} (kill at ${at.toFixed(0)} ms, ${r.signal ?? `exit ${r.code}`}): ${customers} customers, ${contacts} contacts, ${imports} imports`);
  }
  return { trials, rows, none, all, failures, fullImportSeconds: full.ms / 1000 };
}
