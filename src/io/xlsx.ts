// A spreadsheet Excel opens as the data was: an .xlsx workbook of one sheet (write-excel-file).
// Unlike CSV, every text cell is typed as text, so a bank account of 19 digits, a postal code
// starting with 0 or a credit code made of digits is not turned into 6.2E+18, 10000 or a rounded
// number, and a name starting with = is text, never a formula. Numbers stay numbers to sum.
import writeExcelFile from 'write-excel-file/node';
import { displayWidth } from './format.js';

export type SheetValue = string | number | null;

/** Column widths in Excel's units (about one Latin character; a Chinese one takes two), from the
 * header and the first rows, within bounds a screen shows. */
function widths(head: readonly string[], rows: readonly (readonly SheetValue[])[]): number[] {
  return head.map((h, i) => {
    let w = displayWidth(h);
    for (const row of rows.slice(0, 1000)) w = Math.max(w, displayWidth(String(row[i] ?? '')));
    return Math.min(60, Math.max(8, w + 2));
  });
}

/** The workbook's bytes: a bold header row kept in view when scrolling, then the rows. */
export async function xlsxBytes(sheet: string, head: readonly string[], rows: readonly (readonly SheetValue[])[]): Promise<Uint8Array> {
  const data = [
    head.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((value) => (typeof value === 'string' ? { value, type: String } : value))),
  ];
  return writeExcelFile(data, { sheet, columns: widths(head, rows).map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
}
