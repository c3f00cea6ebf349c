// File-level problems of an import (undecodable bytes, broken quoting, a vCard cut short) as the
// usage errors the user sees; shared by the card and the deal import.
import { UsageError } from '../errors.js';
import { CsvError } from '../io/csv-records.js';
import { DecodeError } from '../io/decode.js';
import { VCardError } from '../io/vcard.js';

export function fileError(e: unknown): unknown {
  if (e instanceof DecodeError) return new UsageError(e.reason === 'nul' ? 'import.binary' : 'import.undecodable', { encoding: e.encoding, offset: e.byteOffset });
  if (e instanceof CsvError) return new UsageError(`import.csv_${e.reason}`, { line: e.line });
  if (e instanceof VCardError) return new UsageError(`import.vcard_${e.reason}`, { line: e.line });
  return e;
}
