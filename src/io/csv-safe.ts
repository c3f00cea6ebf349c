// CSV that a spreadsheet opens safely (OWASP "CSV injection"): a cell starting with = + - @, a
// tab or a carriage return would be read by Excel as a formula, so it is prefixed with a single
// quote, which Excel shows as text. Written in UTF-8 with a BOM (so Excel reads Chinese text)
// and CRLF line ends. Pure: text in, text out.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text, neutralised when a spreadsheet would take it for a formula. */
export function safeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A whole CSV file: BOM, the header row, then the rows, every cell neutralised. */
export function safeCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(safeCell));
  return '\uFEFF' + stringify(cells, { record_delimiter: 'windows' });
}
