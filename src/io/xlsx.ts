// Spreadsheets Excel opens as the data was: .xlsx workbooks (write-excel-file). Unlike CSV, every
// text cell is typed as text, so a bank account of 19 digits, a postal code starting with 0 or a
// credit code made of digits is not turned into 6.2E+18, 10000 or a rounded number, and a name
// starting with = is text, never a formula. Numbers stay numbers to sum, shown in the column's
// number format (money as 1,234.00).
import writeExcelFile from 'write-excel-file/node';
import { displayWidth } from './format.js';

export type SheetValue = string | number | null;

/** Money as people read it in a sheet: 1,234,567.00 (the cell keeps the number). */
export const MONEY_FORMAT = '#,##0.00';

export interface Sheet {
  name: string;
  head: readonly string[];
  rows: readonly (readonly SheetValue[])[];
  /** Excel number formats of the numeric columns (#,##0.00), by column. */
  formats?: readonly (string | undefined)[];
}

const SHEET_NAME_MAX = 31;

/** A name cut to `max` characters ends in … so that the tab shows it is not the whole title. */
function cut(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** Excel's own limits on sheet names: 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((w) => {
    const base = w.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet';
    let name = cut(base, SHEET_NAME_MAX);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = cut(base, SHEET_NAME_MAX - String(n).length - 3) + ` (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Column widths in Excel's units (about one Latin character; a Chinese one takes two), from the
 * header and the first rows, within bounds a screen shows. */
function widths(s: Sheet): number[] {
  return s.head.map((h, i) => {
    let w = displayWidth(h);
    for (const row of s.rows.slice(0, 1000)) w = Math.max(w, displayWidth(String(row[i] ?? '')) + (s.formats?.[i] ? 4 : 0));
    return Math.min(60, Math.max(8, w + 2));
  });
}

function cell(value: SheetValue, format: string | undefined) {
  if (typeof value === 'string') return { value, type: String };
  if (typeof value === 'number' && format) return { value, format };
  return value;
}

/** The workbook's bytes: in each sheet a bold header row kept in view when scrolling, then the rows. */
export async function xlsxBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const names = sheetNames(sheets.map((s) => s.name));
  return writeExcelFile(
    sheets.map((s, i) => ({
      sheet: names[i]!,
      data: [s.head.map((value) => ({ value, fontWeight: 'bold' as const })), ...s.rows.map((row) => row.map((v, c) => cell(v, s.formats?.[c])))],
      columns: widths(s).map((width) => ({ width })),
      stickyRowsCount: 1,
    })) as never,
  ).toBuffer();
}
