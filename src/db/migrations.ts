// Numbered schema migrations. Migration N upgrades a database at user_version N-1 to N, in one
// transaction with the version bump, so an upgrade is all or nothing. schema.sql is always the
// result of applying every migration (test/db/database.test.ts checks it from every shipped
// version); version 1 is the first schema. The SQL of a migration is copied into schema.sql
// word for word.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    sql: `
-- Each run of crm import: the cause recorded in the history of what it changed.
CREATE TABLE imports (
  id                INTEGER PRIMARY KEY,
  at                TEXT NOT NULL,
  staff_id          INTEGER NOT NULL REFERENCES staff(id),
  os_login          TEXT NOT NULL,
  file_name         TEXT NOT NULL,
  encoding          TEXT NOT NULL,
  layout            TEXT NOT NULL,
  source            TEXT NOT NULL,
  event             TEXT,
  event_date        TEXT,
  on_duplicate      TEXT NOT NULL CHECK (on_duplicate IN ('skip', 'merge', 'update')),
  rows_read         INTEGER NOT NULL DEFAULT 0,
  customers_created INTEGER NOT NULL DEFAULT 0,
  contacts_created  INTEGER NOT NULL DEFAULT 0,
  merged            INTEGER NOT NULL DEFAULT 0,
  updated           INTEGER NOT NULL DEFAULT 0,
  skipped           INTEGER NOT NULL DEFAULT 0,
  rejected          INTEGER NOT NULL DEFAULT 0
);

-- Column mappings saved for reuse (crm import --profile NAME --map …).
CREATE TABLE import_profiles (
  name       TEXT PRIMARY KEY,
  mapping    TEXT NOT NULL,                     -- JSON: {"header as written": "target"}
  staff_id   INTEGER NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL
);
`,
  },
];

export const SCHEMA_VERSION = 1 + MIGRATIONS.length;

export function migrate(db: Database.Database, migrations: readonly Migration[], from: number): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
