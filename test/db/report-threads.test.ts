// The monthly report read by two connections (a helper thread's and the command's): the same
// figures as one connection's, and one state of the book even when someone commits between the
// two reads. The helper here is the thread's stand-in: its reads on a second connection, after a
// turn of the event loop (when the command's connection has made its pass over the files).
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, readTransaction, type Db } from '../../src/db/database.js';
import { readMonthlyReport, sideReads, type Helper, type MonthlyQuery } from '../../src/db/report.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { threadHelper } from '../../src/io/report-helper.js';
import { parseMonth } from '../../src/domain/visits.js';
import { monthlyBook } from '../support/monthly-book.js';
import { useTempDir } from '../support/run.js';

const ALL: MonthlyQuery = { scope: { grants: [{ kind: 'all' }] }, month: parseMonth('2026-10')!, policy: DEFAULT_POLICY };

describe('the monthly report with a helper', () => {
  const dir = useTempDir();
  let path = '';
  let db: Db;
  const opened: Database.Database[] = [];

  beforeEach(async () => {
    path = await monthlyBook(dir());
    db = openDatabase(path);
  });
  afterEach(() => {
    for (const c of opened.splice(0)) c.close();
    db.close();
  });

  /** A helper reading on its own connection; `before` runs first (another user's commit). */
  function secondConnection(before: () => void = () => {}): Helper & { calls: number } {
    const helper = Object.assign(
      async (q: MonthlyQuery) => {
        helper.calls++;
        await new Promise((resolve) => setImmediate(resolve));
        before();
        const own = new Database(path, { readonly: true });
        opened.push(own);
        return readTransaction(own, () => sideReads(own, q));
      },
      { calls: 0 },
    );
    return helper;
  }

  test('gives the figures one connection gives, for every scope', async () => {
    const rep: MonthlyQuery = { ...ALL, scope: { grants: [{ kind: 'own', staffId: 2 }] } };
    for (const q of [ALL, rep]) {
      const helper = secondConnection();
      expect(await readMonthlyReport(db, q, helper)).toEqual(await readMonthlyReport(db, q));
      expect(helper.calls).toBe(1);
    }
    // Hand-computed (test/commands/report.test.ts): the helper's deal sums and September totals.
    const r = await readMonthlyReport(db, ALL, secondConnection());
    expect(r.composition.revenue_by_grade.total).toEqual({ value: 38333, previous: 10000, change: 28333, change_pct: 283.3 });
    expect(r.receivables.totals.over_aging).toEqual({ value: 1500, previous: 1500, change: 0, change_pct: 0 });
  });

  test('a commit between the two reads: the report is read again, all of it from the new state', async () => {
    // Another user records an October deal for C1, due in October and unpaid, after the pass over
    // the files and before the helper sums the deals.
    const helper = secondConnection(() => {
      const other = new Database(path);
      other
        .prepare(
          `INSERT INTO deals (customer_id, deal_date, amount, profit, business_line, region, due_date, staff_id, created_at)
           VALUES (1, '2026-10-30', 1000, 100, '软件', '华南', '2026-10-31', 1, '2026-10-30T10:00:00+08:00')`,
        )
        .run();
      other.close();
    });
    const r = await readMonthlyReport(db, ALL, helper);
    // Both the revenue (the helper's) and what is owed (the pass's) have the new deal.
    expect(r.composition.revenue_by_grade.total.value).toBe(38333 + 1000);
    expect(r.receivables.totals.due_this_month.value).toBe(16333 + 1000);
    expect(r).toEqual(await readMonthlyReport(db, ALL));
  });

  test('a worker thread that fails (crashes, or cannot read): the side reads are made on this connection, said under CRM_DEBUG', async () => {
    const expected = await readMonthlyReport(db, ALL);
    for (const [name, code] of [
      ['throws.mjs', "throw new Error('no such module');"],
      ['exits.mjs', 'process.exit(7);'],
      ['fails.mjs', "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ failed: 'SqliteError: unable to open database file' });"],
    ]) {
      const worker = join(dir(), name!);
      writeFileSync(worker, code!);
      const notes: string[] = [];
      const helper = threadHelper(db, { CRM_THREADS: '2' }, (line) => notes.push(line), pathToFileURL(worker));
      expect(helper).toBeDefined();
      expect(await readMonthlyReport(db, ALL, helper)).toEqual(expected);
      expect(notes).toEqual([expect.stringMatching(/^report: the worker thread failed \(.+\): the side reads are made on this thread$/)]);
    }
  });

  test('no helper thread on one thread (CRM_THREADS=1), for a small book, or without the built worker', () => {
    const worker = pathToFileURL(join(dir(), 'worker.mjs'));
    expect(threadHelper(db, { CRM_THREADS: '1' }, () => {}, worker)).toBeUndefined();
    expect(threadHelper(db, {}, () => {}, worker)).toBeUndefined(); // four files
    expect(threadHelper(db, { CRM_THREADS: '2' }, () => {}, null)).toBeUndefined();
    expect(threadHelper(db, { CRM_THREADS: '2' }, () => {}, worker)).toBeDefined();
  });
});
