// Torture benchmark: the scenarios of test/torture/scenarios.ts (bundled with esbuild) at full
// size — 8 processes × 50 adds and updates at once with a reader taking reports, lists and
// backups; a write lock held past the busy timeout; kill -9 at random moments of a 100,000-row
// import, 20 trials — and what a full quick_check would cost a write on the 100,000-customer
// database (why writers look for a damage mark instead). Prints one JSON line per scenario;
// exits 1 when any scenario has a failure.
// Environment: BENCH_TORTURE_WORKERS (8), BENCH_TORTURE_WRITES (50 per worker),
// BENCH_TORTURE_ROWS (100000), BENCH_TORTURE_TRIALS (20), BENCH_SEED.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DATA_DIR, emit, envInt, fail, log, ROOT, round1 } from './lib.mjs';

async function loadScenarios() {
  const outfile = join(DATA_DIR, 'torture-scenarios.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'test', 'torture', 'scenarios.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  return import(outfile);
}

/** quick_check on the start-up benchmark's database, against the one stat a writer does. */
function writeCheckCost() {
  const path = join(DATA_DIR, 'bench.db');
  if (!existsSync(path)) return log('no bench/.data/bench.db (BENCH_ONLY=startup seeds it): quick_check cost not measured');
  const db = new Database(path, { readonly: true });
  const customers = db.prepare('SELECT count(*) AS n FROM customers').get().n;
  let t0 = performance.now();
  const result = db.pragma('quick_check', { simple: true });
  const quickMs = performance.now() - t0;
  db.close();
  t0 = performance.now();
  for (let i = 0; i < 1000; i++) existsSync(`${path}-damaged`);
  const markUs = ((performance.now() - t0) / 1000) * 1000;
  emit({ bench: 'torture_write_check', customers, quick_check_ms: round1(quickMs), quick_check: result, damage_mark_check_us: round1(markUs) });
}

export async function tortureBench() {
  const seed = envInt('BENCH_SEED', 20240601, 0);
  mkdirSync(DATA_DIR, { recursive: true });
  const s = await loadScenarios();
  const dir = mkdtempSync(join(DATA_DIR, 'torture-'));
  let failures = 0;
  try {
    const workers = envInt('BENCH_TORTURE_WORKERS', 8, 1);
    const writes = envInt('BENCH_TORTURE_WRITES', 50, 1);
    log(`${workers} processes × ${writes} crm add / crm update at once, with a reader`);
    const w = await s.concurrentWriters(BIN, dir, workers, writes);
    emit({ bench: 'torture_writers', workers, writes: w.writes, reads: w.reads, backups: w.backups, errors: w.errors.length, missing: w.missing.length,
      integrity: w.integrity, backup_integrity: w.backupIntegrity, seconds: round1(w.seconds), failures: w.failures });
    for (const line of [...w.errors, ...w.missing].slice(0, 10)) log(`  ${line}`);
    failures += w.failures;

    log('a write lock held 6 s (busy timeout 5 s)');
    const b = await s.lockedOut(BIN, dir, 6000);
    const busyOk = b.code === 1 && /database busy/.test(b.stderr) && b.customersAfter === b.customersBefore;
    emit({ bench: 'torture_busy', exit: b.code, waited_ms: Math.round(b.ms), written: b.customersAfter - b.customersBefore, failures: busyOk ? 0 : 1 });
    failures += busyOk ? 0 : 1;

    const rows = envInt('BENCH_TORTURE_ROWS', 100_000, 1);
    const trials = envInt('BENCH_TORTURE_TRIALS', 20, 1);
    log(`kill -9 during a ${rows}-row import, ${trials} trials`);
    const k = await s.killDuringImport(BIN, dir, rows, trials, seed);
    emit({ bench: 'torture_kill_import', rows, trials, none: k.none, all: k.all, full_import_seconds: round1(k.fullImportSeconds), failures: k.failures.length });
    for (const line of k.failures) log(`  ${line}`);
    failures += k.failures.length;

    writeCheckCost();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures > 0) fail(`${failures} torture failure(s)`);
}
