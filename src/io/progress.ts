// Progress of long work on stderr, only for a person at a terminal (never in a pipe or with CI).
import type { Context } from '../context.js';

export interface Progress {
  update(done: number, rows: number): void;
  finish(): void;
}

const EVERY_MS = 200;

export function progress(ctx: Context, total: number | null, label: string): Progress {
  if (!ctx.io.stderr.isTTY || ctx.env.CI) return { update: () => {}, finish: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(done, rows) {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      shown = true;
      const share = total ? ` ${Math.min(100, Math.floor((done / total) * 100))}%` : '';
      ctx.io.stderr.write(`\r${label} ${rows.toLocaleString('en-US')}${share}`);
    },
    finish() {
      if (shown) ctx.io.stderr.write('\r\u001b[K');
    },
  };
}

/**
 * One long step the user waits on (a copy, an integrity check), said on stderr while it runs and
 * cleared after, on a terminal only. The work is synchronous SQLite (or a promise, named until it
 * settles), so a line stands where a bar could not move. Returns the result of the work.
 */
export function duringStep<T>(ctx: Context, label: string, work: () => T): T {
  if (!ctx.io.stderr.isTTY || ctx.env.CI) return work();
  ctx.io.stderr.write(`\r${label}…`);
  const clear = () => void ctx.io.stderr.write('\r\u001b[K');
  let result: T;
  try {
    result = work();
  } catch (e) {
    clear();
    throw e;
  }
  // Work that awaits (a workbook being zipped) is named until it settles.
  if (result instanceof Promise) return result.finally(clear) as T;
  clear();
  return result;
}
