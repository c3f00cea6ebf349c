// What goes wrong in an import, as the card and the deal import both tell it: file-level problems
// (undecodable bytes, broken quoting, a vCard cut short) as usage errors, and rows that cannot be
// used — stopped at with --strict, else counted, written to the errors file or shown.
import { warn, type Context } from '../context.js';
import { CrmError, UsageError, type ValidationError } from '../errors.js';
import type { ErrorsFile } from '../io/errors-file.js';
import { CsvError } from '../io/csv-records.js';
import { DecodeError } from '../io/decode.js';
import { VCardError } from '../io/vcard.js';

/** Some rows were rejected: the summary is printed, and the command exits 1. */
export class RowsRejectedError extends CrmError {}

/** Rows shown on stderr when there is no errors file: enough to see the pattern. */
const SHOWN_REJECTIONS = 20;

/** A row that cannot be used: --strict stops the import there; otherwise the row is counted and
 * written to the errors file, or (the first ones) told on stderr. */
export function rejectRow(
  ctx: Context,
  e: ValidationError,
  row: { line: number; fields: string[] },
  how: { strict: boolean; errors: ErrorsFile | null },
  counts: { rejected: number },
): void {
  const reason = ctx.t(e.key, e.params);
  if (how.strict) throw new UsageError('import.strict_stop', { line: row.line, reason });
  counts.rejected++;
  how.errors?.add(row.line, reason, row.fields);
  if (!how.errors && counts.rejected <= SHOWN_REJECTIONS) warn(ctx, ctx.t('import.rejected_row', { line: row.line, reason }));
}

/** After the summary: if rows were rejected, says where they are (the errors file, or above) and exits 1. */
export function refuseIfRejected(ctx: Context, rejected: number, o: { json?: boolean; errors?: string }): void {
  if (rejected === 0) return;
  if (!o.json && !o.errors) warn(ctx, ctx.t('import.hint_errors'));
  throw new RowsRejectedError(o.errors ? 'import.rejected_to_file' : 'import.rejected', { n: rejected, file: o.errors ?? '' });
}

export function fileError(e: unknown): unknown {
  if (e instanceof DecodeError) return new UsageError(e.reason === 'nul' ? 'import.binary' : 'import.undecodable', { encoding: e.encoding, offset: e.byteOffset });
  if (e instanceof CsvError) return new UsageError(`import.csv_${e.reason}`, { line: e.line });
  if (e instanceof VCardError) return new UsageError(`import.vcard_${e.reason}`, { line: e.line });
  return e;
}
