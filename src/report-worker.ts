// The helper thread of the monthly report (io/report-helper.ts): makes its side reads on a
// connection of its own, read-only, in one read transaction, and posts them back. Any failure is
// posted as such: the command then makes those reads itself, and reports a real error as usual.
import { parentPort, workerData } from 'node:worker_threads';
import { readTransaction } from './db/database.js';
import { openForReading } from './db/maintenance.js';
import { sideReads, type MonthlyQuery } from './db/report.js';

const { path, query } = workerData as { path: string; query: MonthlyQuery };
try {
  const db = openForReading(path);
  try {
    parentPort!.postMessage({ figures: readTransaction(db, () => sideReads(db, query)) });
  } finally {
    db.close();
  }
} catch (e) {
  parentPort!.postMessage({ failed: String(e) });
}
