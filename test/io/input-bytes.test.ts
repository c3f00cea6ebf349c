// An input's first bytes before the rest, and how much of it has been given so far (for progress).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Context } from '../../src/context.js';
import { openInput } from '../../src/io/input-bytes.js';
import { useTempDir } from '../support/run.js';

const dir = useTempDir();

test('the head comes first, then the rest; bytesRead counts what the chunks have given', async () => {
  const path = join(dir(), 'cards.csv');
  const bytes = Buffer.alloc(700 * 1024, 'a');
  writeFileSync(path, bytes);
  const input = await openInput({} as Context, path);
  expect(input.size).toBe(bytes.length);
  expect(input.head.length).toBeGreaterThanOrEqual(64 * 1024);
  expect(input.bytesRead()).toBe(0);
  const seen: number[] = [];
  let total = 0;
  for await (const chunk of input.chunks) {
    total += chunk.length;
    seen.push(input.bytesRead() - total);
  }
  expect(total).toBe(bytes.length);
  expect(input.bytesRead()).toBe(bytes.length);
  expect(seen.every((d) => d === 0)).toBe(true);
});
