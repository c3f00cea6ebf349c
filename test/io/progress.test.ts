import { PassThrough } from 'node:stream';
import { afterEach, expect, test, vi } from 'vitest';
import type { Context } from '../../src/context.js';
import { duringStep, progress } from '../../src/io/progress.js';

function contextWith(stderrIsTTY: boolean, env: NodeJS.ProcessEnv = {}): { ctx: Context; written: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY: stderrIsTTY });
  const chunks: string[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { ctx: { io: { stderr }, env } as unknown as Context, written: () => chunks.join('') };
}

afterEach(() => vi.useRealTimers());

test('on a terminal: rows and share done, at most every 200 ms, cleared at the end', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(0);
  const { ctx, written } = contextWith(true);
  const bar = progress(ctx, 1000, 'importing');
  vi.setSystemTime(1000);
  bar.update(250, 12345);
  vi.setSystemTime(1100);
  bar.update(500, 20000); // too soon: not shown
  vi.setSystemTime(1250);
  bar.update(1000, 40000);
  bar.finish();
  await new Promise((r) => setImmediate(r));
  expect(written()).toBe('\rimporting 12,345 25%\rimporting 40,000 100%\r\u001b[K');
});

test.each([
  ['in a pipe', false, {}],
  ['with CI set', true, { CI: 'true' }],
])('nothing %s', async (_where, tty, env) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(0);
  const { ctx, written } = contextWith(tty, env);
  const bar = progress(ctx, 1000, 'importing');
  vi.setSystemTime(1000);
  bar.update(500, 10);
  bar.finish();
  await new Promise((r) => setImmediate(r));
  expect(written()).toBe('');
});

test('a step that awaits is named until it settles, and cleared when it rejects too', async () => {
  const { ctx, written } = contextWith(true);
  let settle!: (v: number) => void;
  const step = duringStep(ctx, 'zipping', () => new Promise<number>((r) => (settle = r)));
  await new Promise((r) => setImmediate(r));
  expect(written()).toBe('\rzipping…');
  settle(7);
  expect(await step).toBe(7);
  await expect(duringStep(ctx, 'writing', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  await new Promise((r) => setImmediate(r));
  expect(written()).toBe('\rzipping…\r\u001b[K\rwriting…\r\u001b[K');
});

test('a long step is named on a terminal while it runs and cleared after, even when it fails; nothing in a pipe', async () => {
  const { ctx, written } = contextWith(true);
  expect(duringStep(ctx, 'checking', () => 42)).toBe(42);
  expect(() => duringStep(ctx, 'copying', () => { throw new Error('disk full'); })).toThrow('disk full');
  await new Promise((r) => setImmediate(r));
  expect(written()).toBe('\rchecking…\r\u001b[K\rcopying…\r\u001b[K');
  const pipe = contextWith(false);
  expect(duringStep(pipe.ctx, 'checking', () => 'done')).toBe('done');
  await new Promise((r) => setImmediate(r));
  expect(pipe.written()).toBe('');
});
