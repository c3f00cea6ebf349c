// End to end: the built binary reads the monthly report of a large book on two threads (the
// worker dist/report-worker.js makes the side reads). CRM_THREADS=2 uses the worker on the small
// test book too; the report must be the one a single thread (CRM_THREADS=1) reads, for every scope.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { describe, expect, test } from 'vitest';
import type { MonthlyReport } from '../../src/domain/report.js';
import { monthlyBook } from '../support/monthly-book.js';
import { useTempDir } from '../support/run.js';

const BIN = new URL('../../bin/crm.js', import.meta.url).pathname;

function monthly(db: string, threads: '1' | '2', as: string[] = []) {
  const r = spawnSync(process.execPath, [BIN, ...as, 'report', 'monthly', '--month', '2026-10', '--format', 'json'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', CRM_DB: db, CRM_THREADS: threads, CRM_DEBUG: '1' },
  });
  expect(r.status).toBe(0);
  return { report: JSON.parse(r.stdout) as MonthlyReport, stderr: r.stderr };
}

describe('crm report monthly on two threads', () => {
  const dir = useTempDir();

  test('the worker reads its part, and the report is the one thread’s, for the manager and for a rep', async () => {
    const db = await monthlyBook(dir());
    // The spawned binary is run by this OS user: the book's administrator.
    const sql = new Database(db);
    sql.prepare("UPDATE staff SET login = ? WHERE login = 'admin'").run(userInfo().username);
    sql.close();
    for (const as of [[], ['--as', 'zhangwei']]) {
      const two = monthly(db, '2', as);
      expect(two.stderr).toMatch(/^report: the side reads came back from a worker thread after \d+ ms\n$/);
      const one = monthly(db, '1', as);
      expect(one.stderr).toBe('');
      expect(two.report).toEqual(one.report);
    }
    // Figures the worker read (hand-computed in test/commands/report.test.ts).
    const r = monthly(db, '2').report;
    expect(r.composition.revenue_by_grade.total).toEqual({ value: 38333, previous: 10000, change: 28333, change_pct: 283.3 });
    expect(r.visits.unapproved.count).toBe(3);
  });
});
