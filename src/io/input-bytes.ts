// The bytes of an input file (or stdin, for "-"), with the first ones available before the rest
// is read, so that the encoding and the format can be told without loading the whole file.
import { createReadStream, statSync } from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

export interface InputBytes {
  head: Uint8Array;
  chunks: AsyncIterable<Uint8Array>;
  /** Total size when known (a file), for progress. */
  size: number | null;
  /** How many bytes the chunks have given so far, for progress. */
  bytesRead(): number;
}

const HEAD_BYTES = 64 * 1024;

export async function openInput(ctx: Context, source: string): Promise<InputBytes> {
  let stream: AsyncIterable<Uint8Array>;
  let size: number | null = null;
  if (source === '-') stream = ctx.io.stdin as AsyncIterable<Uint8Array>;
  else {
    try {
      const stat = statSync(source);
      if (stat.isDirectory()) throw new Error('is a directory');
      size = stat.size;
    } catch (e) {
      throw new UsageError('io.cannot_read', { path: source, reason: (e as Error).message });
    }
    stream = createReadStream(source, { highWaterMark: 256 * 1024 });
  }
  const iterator = stream[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let have = 0;
  while (have < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    first.push(chunk);
    have += chunk.length;
  }
  const head = Buffer.concat(first);
  let given = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    given = head.length;
    if (head.length) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      given += chunk.length;
      yield chunk;
    }
  }
  return { head, chunks: chunks(), size, bytesRead: () => given };
}
