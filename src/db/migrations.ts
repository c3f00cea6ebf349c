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
  {
    version: 3,
    sql: `
-- 资料提取申请单 (POLICY §6): read access beyond one's own scope, approved by the marketing
-- director or the general manager, for a customer, a region or a product line, until it expires.
CREATE TABLE access_requests (
  id           INTEGER PRIMARY KEY,
  requester_id INTEGER NOT NULL REFERENCES staff(id),
  customer_id  INTEGER REFERENCES customers(id),
  region       TEXT,
  product_line TEXT,
  purpose      TEXT NOT NULL CHECK (purpose <> ''),
  days         INTEGER NOT NULL CHECK (days > 0),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
  created_at   TEXT NOT NULL,
  decided_by   INTEGER REFERENCES staff(id),
  decided_at   TEXT,
  comment      TEXT,
  expires_at   TEXT,                              -- set on approval: decided_at + days
  CHECK ((customer_id IS NOT NULL) + (region IS NOT NULL) + (product_line IS NOT NULL) = 1)
);
CREATE INDEX access_requests_requester ON access_requests(requester_id, status);

-- Every consultation of a customer file, and every refusal: who, when, which file, what, on what
-- basis (own, region, product-line, all, request:N, or denied). Append-only.
CREATE TABLE access_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  os_login    TEXT NOT NULL,
  customer_id INTEGER,
  action      TEXT NOT NULL,
  basis       TEXT NOT NULL
);
CREATE INDEX access_log_customer ON access_log(customer_id, id);
CREATE INDEX access_log_staff ON access_log(staff_id, id);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;

-- Requests about a person's data under the Personal Information Protection Law (Art. 45-47)
-- and what was done, with the reason (Art. 50).
CREATE TABLE privacy_requests (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  os_login    TEXT NOT NULL,
  contact_id  INTEGER NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  kind        TEXT NOT NULL CHECK (kind IN ('export', 'correct', 'erase')),
  reason      TEXT,
  outcome     TEXT NOT NULL
);
CREATE INDEX privacy_requests_contact ON privacy_requests(contact_id);
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
