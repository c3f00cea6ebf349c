import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { APPLICATION_ID, createDatabase, openDatabase, writeTransaction } from '../../src/db/database.js';
import { migrate, SCHEMA_VERSION, type Migration } from '../../src/db/migrations.js';
import { BusyError, StorageError } from '../../src/errors.js';
import { useTempDir } from '../support/run.js';

/** Every schema this project has shipped, by version (test/fixtures/schemas/vN.sql). */
const SHIPPED = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { sql: string }[]).map(
    (r) => JSON.stringify(r),
  );
}

function shippedDatabase(path: string, version: number): void {
  const db = new Database(path);
  db.exec(readFileSync(new URL(`../fixtures/schemas/v${version}.sql`, import.meta.url), 'utf8'));
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe('opening and creating', () => {
  const dir = useTempDir();

  test('a new file is 0600, in WAL mode, with foreign keys, secure delete and a busy timeout of at least 5 s', () => {
    const path = join(dir(), 'new.db');
    createDatabase(path).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  test('schema.sql is what the migrations produce from every shipped version', () => {
    const fresh = join(dir(), 'fresh.db');
    createDatabase(fresh).close();
    const expected = schemaOf(new Database(fresh, { readonly: true }));
    for (const version of SHIPPED) {
      const path = join(dir(), `v${version}.db`);
      shippedDatabase(path, version);
      const db = openDatabase(path);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(schemaOf(db)).toEqual(expected);
      db.close();
    }
  });

  test('a database newer than the code is refused and left untouched', () => {
    const path = join(dir(), 'future.db');
    createDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ key: 'db.too_new' }));
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test.each([
    ['a text file', (p: string) => writeFileSync(p, 'name,phone\n华强,123\n')],
    ['another program’s SQLite file', (p: string) => new Database(p).exec('CREATE TABLE t (x)').close()],
  ])('%s is not a crm database', (_what, make) => {
    const path = join(dir(), 'other.db');
    make(path);
    expect(() => openDatabase(path)).toThrow(StorageError);
  });

  test('a missing file is reported, not created', () => {
    const path = join(dir(), 'missing.db');
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ key: 'db.missing' }));
  });
});

describe('migrations', () => {
  const dir = useTempDir();

  function v1(): Database.Database {
    const path = join(dir(), 'm.db');
    shippedDatabase(path, 1);
    return new Database(path);
  }

  test('apply in order, each with its version bump', () => {
    const db = v1();
    const steps: Migration[] = [
      { version: 2, sql: 'CREATE TABLE m2 (x)' },
      { version: 3, sql: 'ALTER TABLE m2 ADD COLUMN y' },
    ];
    migrate(db, steps, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'm2'").pluck().get()).toMatch(/y/);
  });

  test('a failing migration leaves the database at the last good version', () => {
    const db = v1();
    const steps: Migration[] = [
      { version: 2, sql: 'CREATE TABLE m2 (x)' },
      { version: 3, sql: 'CREATE TABLE m3 (x); INSERT INTO nowhere VALUES (1)' },
    ];
    expect(() => migrate(db, steps, 1)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'm3'").pluck().get()).toBe(0);
  });
});

describe('transactions', () => {
  const dir = useTempDir();

  test('a write waiting on another writer past the timeout fails as busy, having written nothing', () => {
    const path = join(dir(), 'busy.db');
    createDatabase(path).close();
    const holder = openDatabase(path);
    const waiter = openDatabase(path);
    waiter.pragma('busy_timeout = 100');
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      expect(() => writeTransaction(waiter, () => waiter.prepare("INSERT INTO staff (login, name, role, created_at) VALUES ('x', 'x', 'rep', 'now')").run())).toThrow(BusyError);
    } finally {
      holder.prepare('ROLLBACK').run();
    }
    expect(waiter.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
    holder.close();
    waiter.close();
  });

  test('an error inside rolls back everything', () => {
    const path = join(dir(), 'rollback.db');
    const db = createDatabase(path);
    expect(() =>
      writeTransaction(db, () => {
        db.prepare("INSERT INTO staff (login, name, role, created_at) VALUES ('x', 'x', 'rep', 'now')").run();
        throw new Error('halfway');
      }),
    ).toThrow('halfway');
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
    db.close();
  });
});
