// A second thread for the monthly report of a large book (issue 7: a second for a hundred thousand
// files, two million deals and a million visits). While the command's connection makes the pass
// over the files, a worker thread with a read-only connection of its own (dist/report-worker.js)
// makes every other read (the deal sums, the previous month's totals …): on two cores the report
// takes the longer of the two instead of their sum.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import { fileCount, sideReads, type Helper, type MonthlyQuery, type SideFigures } from '../db/report.js';

/** Below this many files a thread costs more to start (some 40 ms) than it saves. */
const MIN_FILES = 20_000;

/** The worker, built beside the bundle's entry (dist/); from the sources (in-process tests) there
 * is none, and the report is read on one thread. */
function workerFile(): URL | null {
  for (const rel of ['./report-worker.js', '../report-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** Where the helper says how it went (CRM_DEBUG=1: on stderr). */
export type DebugNote = (line: string) => void;

/**
 * A helper thread for the monthly report, if one is to be used: CRM_THREADS=1 never, CRM_THREADS=2
 * always (where the worker and a database file are there), otherwise for a large book on a machine
 * with two cores or more.
 */
export function threadHelper(db: Db, env: NodeJS.ProcessEnv, debug: DebugNote, worker = workerFile()): Helper | undefined {
  const threads = env.CRM_THREADS?.trim();
  if (threads === '1' || worker === null || db.memory) return undefined;
  if (threads !== '2' && (availableParallelism() < 2 || fileCount(db) < MIN_FILES)) return undefined;
  return (query) => inWorker(worker, db, query, debug);
}

/** The side reads made by a worker thread; if the thread fails in any way, made here instead (in the
 * same read transaction, so the figures are still of one state, and a real error is said as usual). */
function inWorker(worker: URL, db: Db, query: MonthlyQuery, debug: DebugNote): Promise<SideFigures> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (figures: SideFigures | undefined, failure?: string) => {
      if (settled) return;
      settled = true;
      const ms = Math.round(performance.now() - started);
      debug(figures ? `report: the side reads came back from a worker thread after ${ms} ms` : `report: the worker thread failed (${failure}): the side reads are made on this thread`);
      if (figures) return resolve(figures);
      try {
        resolve(sideReads(db, query));
      } catch (e) {
        reject(e);
      }
    };
    const thread = new Worker(worker, { workerData: { path: db.name, query } });
    thread.once('message', (m: { figures?: SideFigures; failed?: string }) => settle(m.figures, m.failed));
    thread.once('error', (e) => settle(undefined, e.message));
    thread.once('exit', (code) => settle(undefined, `exit ${code}`));
  });
}
