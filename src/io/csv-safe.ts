// CSV that a spreadsheet opens safely (OWASP "CSV injection"): a text cell starting with = + - @,
// a tab or a carriage return would be read by Excel as a formula, so it is prefixed with a single
// quote, which Excel shows as text. A number is written as it is: it cannot carry a formula, and
// as text ('-2000) a spreadsheet could not sum it. Written in UTF-8 with a BOM (so Excel reads
// Chinese text) and CRLF line ends. Pure: text in, text out.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** The cell as text: a finite number as itself, text neutralised when a spreadsheet would take it for a formula. */
export function safeCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell read back: the quote safeCell put before a formula-like text comes off again, so a file
 * crm wrote (an export, an import's errors file) imports as the values it was made from. */
export function restoredCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A whole CSV file: BOM, the header row, then the rows, every cell through safeCell. */
export function safeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(safeCell));
  return '\uFEFF' + stringify(cells, { record_delimiter: 'windows' });
}
