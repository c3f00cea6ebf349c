// Report benchmark (issue 7): the monthly report over 100,000 customers, 2,000,000 deals and
// 1,000,000 visits with --format json (target ≤ 1 s), as a ratio to a plain
// `SELECT sum(amount)` over the deals timed in the same run; medians of five runs.
// Environment: BENCH_CUSTOMERS, BENCH_DEALS, BENCH_VISITS, BENCH_SEED; BENCH_REUSE=1 keeps the
// database seeded by an earlier run (minutes at full size) when there is one.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DATA_DIR, emit, envInt, fail, log, measure, median, randomSource, round1, round2 } from './lib.mjs';
import { seedTrade } from './trade.mjs';

const TARGET_MS = 1000;
const RUNS = 5;

export async function reportBench() {
  const customers = envInt('BENCH_CUSTOMERS', 100_000, 1);
  const deals = envInt('BENCH_DEALS', 2_000_000, 1);
  const visits = envInt('BENCH_VISITS', 1_000_000, 1);
  const seed = envInt('BENCH_SEED', 20240601, 0);
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, 'report.db');
  const reuse = process.env.BENCH_REUSE === '1' && existsSync(path);
  if (reuse) {
    log(`reusing ${path}`);
    // Brings the file up to the current schema and into the page cache, as a fresh seed leaves it.
    measure('crm report monthly (warm-up)', process.execPath, [BIN, '--db', path, 'report', 'monthly', '--month', '2026-10', '--format', 'json']);
  } else seedReport(path, customers, deals, visits, seed);
  // The baseline: a plain sum over the deals, read through once first (the report's own runs read
  // the file from the page cache too), then the median of RUNS.
  const db = new Database(path, { readonly: true });
  const sum = db.prepare('SELECT sum(amount) FROM deals');
  sum.get();
  const sumMs = median(
    Array.from({ length: RUNS }, () => {
      const t0 = process.hrtime.bigint();
      sum.get();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    }),
  );
  db.close();

  // The report as cron runs it (two threads on a machine with two cores), and on one thread
  // (CRM_THREADS=1) for comparison: the median of RUNS runs each, interleaved.
  const argv = [BIN, '--db', path, 'report', 'monthly', '--month', '2026-10', '--format', 'json'];
  const runs = { auto: [], one: [] };
  let out = '';
  for (let i = 0; i < RUNS; i++) {
    log(`crm report monthly --month 2026-10 --format json (run ${i + 1} of ${RUNS})`);
    const auto = measure('crm report monthly', process.execPath, argv);
    runs.auto.push(auto);
    out = auto.stdout;
    runs.one.push(measure('crm report monthly (one thread)', process.execPath, argv, { env: { CRM_THREADS: '1' } }));
  }
  if (!out.trim().startsWith('{')) fail('the report did not print a JSON document');
  const ms = median(runs.auto.map((r) => r.ms));
  const oneMs = median(runs.one.map((r) => r.ms));
  emit({
    bench: 'report_monthly_json',
    seconds: round2(ms / 1000),
    one_thread_seconds: round2(oneMs / 1000),
    sum_scan_ms: round1(sumMs),
    ratio_to_sum_scan: round1(ms / sumMs),
    target_seconds: TARGET_MS / 1000,
    ok: ms <= TARGET_MS,
    peak_rss_mb: Math.max(...runs.auto.map((r) => r.rssMb ?? 0)),
    runs: RUNS,
  });
}

/** Customers, deals and payments (as the trade benchmark seeds them), and visits. */
function seedReport(path, customers, deals, visits, seed) {
  log(`seeding ${customers} customers, ${deals} deals and ${visits} visits into ${path}`);
  seedTrade(path, customers, deals, seed);
  const r = randomSource(seed + 1);
  const db = new Database(path);
  db.pragma('synchronous = OFF');
  const visit = db.prepare("INSERT INTO visits (customer_id, rep_id, visited_on, status_then, staff_id, created_at) VALUES (?, 1, ?, 'cooperating', 1, '2025-01-01T00:00:00+08:00')");
  const day = (offset) => new Date(Date.UTC(2024, 10, 23) + offset * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    for (let i = 0; i < visits; i++) visit.run(r.int(1, customers), day(r.int(0, 729)));
    // The seed writes payments directly: what migration 6 does for the deals it finds (crm
    // payment add keeps both dates).
    db.exec(`UPDATE deals
                SET first_paid_on = t.first, settled_on = iif(round(deals.amount * 100) <= round(t.paid * 100), t.last, NULL)
               FROM (SELECT deal_id, total(amount) AS paid, min(paid_on) AS first, max(paid_on) AS last FROM payments GROUP BY deal_id) AS t
              WHERE t.deal_id = deals.id AND deals.competitor IS NULL`);
  })();
  db.close();
}
