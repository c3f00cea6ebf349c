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
