// Migration 6 dates the payments of the deals already on file: when each was first paid, and the
// day the last payment completed it, so that the receivables read only the open deals.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../src/db/database.js';
import { useTempDir } from '../support/run.js';

const dir = useTempDir();

test('a version-5 file gets each deal’s first payment date and the day it was paid in full', () => {
  const path = join(dir(), 'v5.db');
  const raw = new Database(path);
  raw.exec(readFileSync(new URL('../fixtures/schemas/v5.sql', import.meta.url), 'utf8'));
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 5');
  raw.exec(`
    INSERT INTO staff (id, login, name, role, created_at) VALUES (1, 'admin', '管理员', 'admin', '2026-01-01');
    INSERT INTO customers (id, name, name_key, status, created_at, updated_at) VALUES (1, '华强电子', '华强电子', 'cooperating', '2026-01-01', '2026-01-01');
    INSERT INTO deals (id, customer_id, competitor, deal_date, amount, due_date, staff_id, created_at) VALUES
      (1, 1, NULL, '2026-01-10', 1000.10, '2026-02-10', 1, '2026-01-10'),
      (2, 1, NULL, '2026-02-10', 500, '2026-03-10', 1, '2026-02-10'),
      (3, 1, NULL, '2026-03-10', 700, '2026-04-10', 1, '2026-03-10'),
      (4, 1, NULL, '2026-03-11', 0, '2026-03-11', 1, '2026-03-11'),
      (5, 1, '对手公司', '2026-03-12', 900, NULL, 1, '2026-03-12');
    INSERT INTO payments (deal_id, paid_on, amount, staff_id, created_at) VALUES
      (1, '2026-02-20', 600.05, 1, 'x'), (1, '2026-02-01', 400.05, 1, 'x'),
      (2, '2026-03-01', 200, 1, 'x');
  `);
  raw.close();
  const db = openDatabase(path);
  const rows = db.prepare('SELECT id, first_paid_on, settled_on FROM deals ORDER BY id').raw().all();
  db.close();
  expect(rows).toEqual([
    // Paid in two parts (in fen: 600.05 + 400.05 = 1000.10), complete on the later date.
    [1, '2026-02-01', '2026-02-20'],
    [2, '2026-03-01', null],
    [3, null, null],
    // Nothing owed from the start.
    [4, null, '2026-03-11'],
    // A competitor's dealing owes us nothing and is never in the receivables.
    [5, null, null],
  ]);
});
