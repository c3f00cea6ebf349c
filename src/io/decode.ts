// Text from the bytes of a file someone was handed: UTF-8 with or without BOM, GB18030/GBK (what
// Excel writes on Chinese Windows), UTF-16 with a BOM. Decoding is strict: bytes that do not
// decode stop the import, so a wrong guess never stores replacement characters (U+FFFD).
import { UsageError } from '../errors.js';

export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

const LABEL: Record<Encoding, string> = { utf8: 'utf-8', gb18030: 'gb18030', utf16le: 'utf-16le', utf16be: 'utf-16be' };

/** --encoding as users write it. */
export function parseEncodingFlag(flag: string): Encoding | 'auto' {
  const k = flag.toLowerCase().replace(/[-_]/g, '');
  if (k === 'auto') return 'auto';
  if (k === 'utf8') return 'utf8';
  if (['gb18030', 'gbk', 'gb2312', 'cp936'].includes(k)) return 'gb18030';
  if (k === 'utf16' || k === 'utf16le') return 'utf16le';
  if (k === 'utf16be') return 'utf16be';
  throw new UsageError('import.bad_encoding', { value: flag });
}

function bomOf(head: Uint8Array): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return null;
}

function decodesAs(encoding: Encoding, bytes: Uint8Array): boolean {
  try {
    // stream: true, so a character cut at the end of the sample is not an error.
    new TextDecoder(LABEL[encoding], { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file from its first bytes: a BOM, else UTF-8 if they are valid UTF-8,
 * else GB18030 if they are valid GB18030. Null when neither decodes. */
export function detectEncoding(head: Uint8Array): Encoding | null {
  const bom = bomOf(head);
  if (bom) return bom;
  if (decodesAs('utf8', head)) return 'utf8';
  if (decodesAs('gb18030', head)) return 'gb18030';
  return null;
}

/** The encoding --encoding names, or the one the first bytes show; neither: the clerk is asked to name it. */
export function chooseEncoding(chosen: Encoding | 'auto', head: Uint8Array): Encoding {
  const encoding = chosen === 'auto' ? detectEncoding(head) : chosen;
  if (encoding === null) throw new UsageError('import.unknown_encoding', {});
  return encoding;
}

export class DecodeError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly byteOffset: number,
    readonly reason: 'invalid' | 'nul',
  ) {
    super(`${reason} ${encoding} at byte ${byteOffset}`);
  }
}

/**
 * Decodes a byte stream strictly. A byte-order mark is dropped; a NUL character (never in a text
 * file of cards, always in binary files renamed .csv) is refused like an undecodable byte.
 */
export async function* decodeStream(chunks: AsyncIterable<Uint8Array>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(LABEL[encoding], { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DecodeError(encoding, offset, 'invalid');
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) throw new DecodeError(encoding, offset, 'nul');
    offset += chunk.length;
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new DecodeError(encoding, offset, 'invalid');
  }
}
