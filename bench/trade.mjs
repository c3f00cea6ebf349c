// Trade benchmark (issue 5): on 100,000 customers and 2,000,000 deals (with payments), the
// quarterly review `crm classify --review … --by trade` and a full credit recomputation
// `crm credit --all`, each as a ratio to a plain `SELECT count(*)` scan of the deals table timed
// in the same run. Target: ≤ 3 s each.
// Environment: BENCH_CUSTOMERS (default 100000), BENCH_DEALS (default 2000000), BENCH_SEED.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, BRANDS, CITIES, DATA_DIR, emit, envInt, fail, INDUSTRIES, log, measure, randomSource, REGIONS, round1 } from './lib.mjs';

const TARGET_MS = 3000;

/** Seeds customers, deals and payments (also used by the report benchmark). */
export function seedTrade(path, customers, deals, seed) {
  const r = randomSource(seed);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  measure('crm init', process.execPath, [BIN, '--db', path, 'init']);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const staff = db.prepare("INSERT INTO staff (login, name, role, region, created_at) VALUES (?, ?, 'rep', ?, '2025-01-01T00:00:00+08:00')");
  const customer = db.prepare(
    `INSERT INTO customers (id, name, name_key, region, industry, status, grade, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'cooperating', ?, ?, '2025-01-01T00:00:00+08:00', '2025-01-01T00:00:00+08:00')`,
  );
  const deal = db.prepare(
    `INSERT INTO deals (customer_id, deal_date, amount, profit, business_line, due_date, region, owner_id, staff_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, '2025-01-01T00:00:00+08:00')`,
  );
  const payment = db.prepare("INSERT INTO payments (deal_id, paid_on, amount, staff_id, created_at) VALUES (?, ?, ?, 1, '2025-01-01T00:00:00+08:00')");
  const day = (offset) => new Date(Date.UTC(2024, 10, 23) + offset * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    const reps = REGIONS.map((region, i) => Number(staff.run(`rep${i}`, `rep${i}`, region).lastInsertRowid));
    for (let id = 1; id <= customers; id++) {
      const [city] = r.pick(CITIES);
      const name = `${city}${r.pick(BRANDS)}${r.pick(INDUSTRIES)}${id}有限公司`;
      const region = REGIONS[id % REGIONS.length];
      customer.run(id, name, name, region, r.pick(INDUSTRIES), r.pick(['A', 'B', 'C', null]), reps[id % reps.length]);
    }
    for (let i = 0; i < deals; i++) {
      const c = r.int(1, customers);
      const offset = r.int(0, 729);
      const amount = r.int(1_000, 200_000);
      const id = Number(deal.run(c, day(offset), amount, Math.round(amount * 0.2), r.pick(['仪器', '耗材', '服务']), day(offset + 30), REGIONS[c % REGIONS.length], 1).lastInsertRowid);
      // Most deals are paid, some late, some not at all.
      if (r.chance(0.85)) payment.run(id, day(offset + r.int(0, 60)), amount);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function tradeBench() {
  const customers = envInt('BENCH_CUSTOMERS', 100_000, 1);
  const deals = envInt('BENCH_DEALS', 2_000_000, 1);
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, 'trade.db');
  log(`seeding ${customers} customers and ${deals} deals into ${path}`);
  const t0 = Date.now();
  seedTrade(path, customers, deals, envInt('BENCH_SEED', 20240601, 0));
  emit({ bench: 'trade_seed', customers, deals, seconds: round1((Date.now() - t0) / 1000) });

  const db = new Database(path, { readonly: true });
  const t1 = process.hrtime.bigint();
  const n = db.prepare('SELECT count(*) AS n FROM deals').get().n;
  const scanMs = Number(process.hrtime.bigint() - t1) / 1e6;
  db.close();
  if (n !== deals) fail(`deals table holds ${n}, not ${deals}`);

  for (const [bench, args] of [
    ['classify_review_by_trade', ['classify', '--review', '2026Q4', '--by', 'trade', '--json']],
    ['credit_recompute_all', ['credit', '--all', '--json']],
  ]) {
    log(`crm ${args.join(' ')}`);
    const run = measure(bench, process.execPath, [BIN, '--db', path, ...args]);
    emit({
      bench,
      seconds: round1(run.ms / 1000) ,
      count_scan_ms: round1(scanMs),
      ratio_to_count_scan: round1(run.ms / scanMs),
      target_seconds: TARGET_MS / 1000,
      ok: run.ms <= TARGET_MS,
      peak_rss_mb: run.rssMb,
    });
  }
}
