// Visits benchmark (issue 6): `crm visit due` for a month over 100,000 customers and 1,000,000
// visits (target ≤ 2 s), and `crm timeline` of a customer with 5,000 events (target ≤ 5× a bare
// `node -e ''` start), each next to bare node measured in the same run.
// Environment: BENCH_CUSTOMERS (default 100000), BENCH_VISITS (default 1000000), BENCH_SEED.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DATA_DIR, emit, envInt, log, measure, median, randomSource, REGIONS, round1 } from './lib.mjs';

const EVENTS = 5000;
const RUNS = 7;

function seed(path, customers, visits, seedValue) {
  const r = randomSource(seedValue);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  measure('crm init', process.execPath, [BIN, '--db', path, 'init']);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const at = '2025-01-01T00:00:00+08:00';
  const staff = db.prepare(`INSERT INTO staff (login, name, role, region, created_at) VALUES (?, ?, 'rep', ?, '${at}')`);
  const customer = db.prepare(
    `INSERT INTO customers (id, name, name_key, region, status, grade, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '${at}', '${at}')`,
  );
  const visit = db.prepare(`INSERT INTO visits (customer_id, rep_id, visited_on, status_then, actual, staff_id, created_at) VALUES (?, ?, ?, 'cooperating', ?, 1, '${at}')`);
  const note = db.prepare(`INSERT INTO notes (customer_id, kind, noted_on, text, staff_id, created_at) VALUES (?, 'call', ?, ?, 1, '${at}')`);
  const day = (offset) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    const reps = Array.from({ length: 50 }, (_, i) => Number(staff.run(`rep${i}`, `rep${i}`, REGIONS[i % REGIONS.length]).lastInsertRowid));
    for (let id = 1; id <= customers; id++) {
      customer.run(id, `客户${id}有限公司`, `客户${id}`, REGIONS[id % REGIONS.length], r.pick(['potential', 'followed', 'cooperating', 'cooperating']), r.pick(['A', 'B', 'C', null]), reps[id % reps.length]);
    }
    for (let i = 0; i < visits; i++) {
      const c = r.int(1, customers);
      visit.run(c, reps[c % reps.length], day(r.int(0, 699)), '例行拜访');
    }
    // One customer with 5,000 events on its timeline: visits and notes.
    for (let i = 0; i < EVENTS; i++) (i % 2 ? visit : note).run(...(i % 2 ? [1, reps[1], day(i % 700), `拜访 ${i}`] : [1, day(i % 700), `电话 ${i}`]));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function visitsBench() {
  const customers = envInt('BENCH_CUSTOMERS', 100_000, 1);
  const visits = envInt('BENCH_VISITS', 1_000_000, 1);
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, 'visits.db');
  log(`seeding ${customers} customers and ${visits} visits into ${path}`);
  seed(path, customers, visits, envInt('BENCH_SEED', 20240601, 0));
  const node = [];
  const due = [];
  const timeline = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(measure("node -e ''", process.execPath, ['-e', '']).ms);
    due.push(measure('crm visit due', process.execPath, [BIN, '--db', path, 'visit', 'due', '--month', '2026-10', '--json']).ms);
    timeline.push(measure('crm timeline', process.execPath, [BIN, '--db', path, 'timeline', 'C000001', '--json']).ms);
  }
  const baseline = median(node);
  emit({ bench: 'visit_due_month', seconds: round1(median(due) / 1000), baseline_node_ms: round1(baseline), ratio_to_node: round1(median(due) / baseline), target_seconds: 2, ok: median(due) <= 2000, runs: RUNS });
  emit({ bench: 'timeline_5000_events', median_ms: round1(median(timeline)), baseline_node_ms: round1(baseline), ratio_to_node: round1(median(timeline) / baseline), target_ratio: 5, ok: median(timeline) <= 5 * baseline, runs: RUNS });
}
