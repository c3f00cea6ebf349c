// Numbered schema migrations. Migration N upgrades a database at user_version N-1 to N, in one
// transaction with the version bump, so an upgrade is all or nothing. schema.sql is always the
// result of applying every migration (test/db/migrations.test.ts checks it); version 1 is the
// first schema, so there is nothing to migrate yet.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [];

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
