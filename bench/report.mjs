// Report benchmark (issue 7): the monthly report over 100,000 customers, 2,000,000 deals and
// 1,000,000 visits with --format json (target ≤ 1 s), as a ratio to a plain
// `SELECT sum(amount)` over the deals timed in the same run.
// Environment: BENCH_CUSTOMERS, BENCH_DEALS, BENCH_VISITS, BENCH_SEED; BENCH_REUSE=1 keeps the
// database seeded by an earlier run (minutes at full size) when there is one.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DATA_DIR, emit, envInt, fail, log, measure, randomSource, round1 } from './lib.mjs';
import { seedTrade } from './trade.mjs';

const TARGET_MS = 1000;

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
  const db = new Database(path);
  const t0 = process.hrtime.bigint();
  db.prepare('SELECT sum(amount) FROM deals').get();
  const sumMs = Number(process.hrtime.bigint() - t0) / 1e6;
  db.close();

  log('crm report monthly --month 2026-10 --format json');
  const run = measure('crm report monthly', process.execPath, [BIN, '--db', path, 'report', 'monthly', '--month', '2026-10', '--format', 'json']);
  if (!run.stdout.trim().startsWith('{')) fail('the report did not print a JSON document');
  emit({
    bench: 'report_monthly_json',
    seconds: round1(run.ms / 1000),
    sum_scan_ms: round1(sumMs),
    ratio_to_sum_scan: round1(run.ms / sumMs),
    target_seconds: TARGET_MS / 1000,
    ok: run.ms <= TARGET_MS,
    peak_rss_mb: run.rssMb,
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
