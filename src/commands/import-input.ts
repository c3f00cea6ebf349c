// What the card and the deal import read: the rows of an Excel workbook's sheet, or the file's text
// in its encoding (CSV, or vCard for cards). An Excel 97–2003 file is refused with how to convert it.
import { warn, type Context } from '../context.js';
import { UsageError } from '../errors.js';
import { listOf } from '../i18n/translate.js';
import type { CsvRecord } from '../io/csv-records.js';
import { chooseEncoding, decodeStream, type Encoding } from '../io/decode.js';
import type { InputBytes } from '../io/input-bytes.js';
import { looksLikeOldExcel, looksLikeWorkbook, workbookRecords } from '../io/workbook.js';

export type ImportInput = { encoding: 'xlsx'; records: AsyncGenerator<CsvRecord> } | { encoding: Encoding; text: AsyncGenerator<string> };

/** The input's rows or text; a workbook's other sheets with data in them are named on stderr. */
export async function importInput(ctx: Context, input: InputBytes, encoding: Encoding | 'auto', sheet: string | undefined): Promise<ImportInput> {
  if (looksLikeOldExcel(input.head)) throw new UsageError('import.old_excel', {});
  if (looksLikeWorkbook(input.head)) {
    const rows = await workbookRecords(input.chunks, sheet);
    if (rows.others.length) warn(ctx, ctx.t('import.other_sheets', { sheet: rows.sheet, others: listOf(rows.others) }));
    return { encoding: 'xlsx', records: rows.records };
  }
  const chosen = chooseEncoding(encoding, input.head);
  return { encoding: chosen, text: decodeStream(input.chunks, chosen) };
}
