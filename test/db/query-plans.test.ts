// The look-ups run once per card on a large import must use an index: a full scan there turns a
// one-minute import into hours.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LOOKUP } from '../../src/db/customers.js';
import { createDatabase } from '../../src/db/database.js';
import { useTempDir } from '../support/run.js';

const dir = useTempDir();

test.each(Object.entries(LOOKUP))('%s uses an index', (_name, sql) => {
  const path = join(dir(), 'plans.db');
  createDatabase(path).close();
  const db = new Database(path, { readonly: true });
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ v: 'x', customer: 1 }) as { detail: string }[]).map((r) => r.detail);
  db.close();
  expect(plan.filter((d) => /^SCAN (customers|contacts|c|k)\b/.test(d))).toEqual([]);
  expect(plan.some((d) => /USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(d))).toBe(true);
});
