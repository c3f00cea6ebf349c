// Reopening the database file directly, as sqlite-utils' tests do, to check what a command
// really stored.
import Database from 'better-sqlite3';

export function query<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function count(path: string, table: string): number {
  return (query<{ n: number }>(path, `SELECT count(*) AS n FROM ${table}`)[0]!).n;
}

/** Row counts of every table: equal before and after means nothing was written. */
export function snapshot(path: string): Record<string, number> {
  const tables = query<{ name: string }>(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return Object.fromEntries(tables.map((t) => [t.name, count(path, t.name)]));
}
