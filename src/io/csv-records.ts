// Records of a CSV file as a stream, whatever wrote it: Excel (comma, or semicolon in some
// locales), tab-separated exports, CRLF or LF, quoted fields with embedded newlines, empty
// trailing columns. Each record comes with the line it starts on, for error reports.
import { parse } from 'csv-parse';
import { once } from 'node:events';
import { restoredCell } from './csv-safe.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

/** No business card needs more; a longer record means the file is not what it claims to be. */
const MAX_RECORD_BYTES = 256 * 1024;

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'quote' | 'too_long' | 'syntax',
    detail: string,
  ) {
    super(detail);
  }
}

/** Lines looked at: a title typed above the header ("2026深圳电子展名片") may have no delimiter. */
const DELIMITER_LINES = 5;

/** Comma unless the header line — the first line with any delimiter — has more tabs or semicolons
 * (outside quotes). */
export function detectDelimiter(firstText: string): string {
  const lines = firstText.split(/\r?\n/, DELIMITER_LINES).map((line) => line.replace(/"[^"]*"/g, ''));
  const header = lines.find((line) => /[,\t;]/.test(line)) ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function newlinesIn(fields: string[]): number {
  return fields.reduce((n, f) => n + (f.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}

export async function* csvRecords(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  // Where the next record begins, kept as the parser goes (not as records are consumed): an
  // unclosed quote is reported where its record began, not at the end of the file.
  let nextLine = 1;
  const parser = parse({
    on_record: (record: string[], context: { lines: number }) => {
      nextLine = context.lines + 1;
      return record;
    },
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  const feeding = (async () => {
    try {
      for await (const chunk of text) if (!parser.write(chunk)) await once(parser, 'drain');
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines - newlinesIn(record), fields: record.map(restoredCell) };
    }
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    if (!err.code?.startsWith('CSV_')) throw e;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvError(nextLine, 'quote', err.message);
    throw new CsvError(err.lines ?? nextLine, err.code === 'CSV_MAX_RECORD_SIZE' ? 'too_long' : 'syntax', err.message);
  } finally {
    await feeding;
  }
}
