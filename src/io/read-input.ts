// Reading a document named on the command line: a file path, or "-" for standard input.
import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

export async function readTextInput(ctx: Context, source: string): Promise<string> {
  if (source !== '-') {
    try {
      return await readFile(source, 'utf8');
    } catch (e) {
      throw new UsageError('io.cannot_read', { path: source, reason: (e as Error).message });
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON document that must be one object ({…}), as `add --json` and `visit add --json` take. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError('json.invalid', { detail: (e as Error).message });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new UsageError('json.not_object', {});
  return doc as Record<string, unknown>;
}
