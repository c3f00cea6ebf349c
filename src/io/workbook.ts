// Excel workbooks (.xlsx) read as the imports read CSV: the rows of one sheet as records, numbered
// as Excel numbers its rows, every cell as text — a number exactly as the file stores it (a mobile
// 13800138000, an amount 1234.5), a date as YYYY-MM-DD. A card scanner's export or a colleague's
// sheet need not be saved as CSV first. The workbook is read whole (its rows sit in a zip that
// cannot be read row by row), so a very large file is better given as CSV, which streams.
import { UsageError } from '../errors.js';
import { listOf } from '../i18n/translate.js';
import type { CsvRecord } from './csv-records.js';
import { fillMerged, mergedRanges } from './merged-cells.js';

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, i) => head[i] === b);

/** A workbook is a zip file: it starts as every zip does. */
export function looksLikeWorkbook(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
}

/** Excel 97–2003 (.xls) files are OLE2 compound files. */
export function looksLikeOldExcel(head: Uint8Array): boolean {
  return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

type CellValue = string | number | boolean | Date | null;

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export interface WorkbookRows {
  records: AsyncGenerator<CsvRecord>;
  /** The sheet read, and the other sheets that have something in them (not read). */
  sheet: string;
  others: string[];
}

/** The rows of the sheet named, or of the first sheet that has anything in it. */
export async function workbookRecords(chunks: AsyncIterable<Uint8Array>, sheet: string | undefined): Promise<WorkbookRows> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  let sheets: { sheet: string; data: CellValue[][] }[];
  // Loaded here: a CSV import does not need the workbook reader.
  const { default: readExcelFile } = await import('read-excel-file/node');
  try {
    // Numbers as written: parsed, a long one would lose digits.
    sheets = (await readExcelFile(bytes, { parseNumber: (s: string) => s })) as { sheet: string; data: CellValue[][] }[];
  } catch (e) {
    throw new UsageError('import.not_workbook', { reason: (e as Error).message });
  }
  const filled = sheets.filter((s) => s.data.some((row) => row.some((v) => v !== null && String(v).trim() !== '')));
  const chosen = sheet === undefined ? (filled[0] ?? sheets[0]) : sheets.find((s) => s.sheet === sheet.trim());
  if (!chosen) throw new UsageError('import.no_sheet', { sheet: sheet ?? '', sheets: listOf(sheets.map((s) => s.sheet)) });
  // The reader gives rows from A1 on, so a merged range's cells are found by their positions.
  fillMerged(chosen.data, mergedRanges(bytes, chosen.sheet));
  async function* records(): AsyncGenerator<CsvRecord> {
    for (const [i, row] of chosen!.data.entries()) yield { line: i + 1, fields: row.map(cellText) };
  }
  return { records: records(), sheet: chosen.sheet, others: filled.filter((s) => s !== chosen).map((s) => s.sheet) };
}
