// Damaging a database on purpose, as a failing disk or a stray write would: one b-tree page's
// type byte overwritten, found through the object's root page.
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Breaks the root page of table or index `name` (the WAL is checkpointed first). */
export function damagePage(path: string, name: string): void {
  const db = new Database(path);
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([0x42]), 0, 1, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
