// crm export [list filters] --format csv|xlsx|json [--fields …] [--out FILE]: the customer files the
// caller may see, for a spreadsheet (CSV or an Excel workbook: one row per customer, the first
// contact alongside) or a program (JSON: the contract's full cards). Each exported file is a consultation (POLICY §6);
// contacts seen only through a request stay masked (PIPL). --out is written beside its place and
// renamed after the commit, so a failed export leaves no file and no half file. Without --format,
// the format is --out's extension (.csv, .xlsx, .json; none: CSV). CSV and xlsx are for people:
// headed by the card's labels in the user's language, enumerations as their terms (潜在客户); --raw
// keeps the keys and codes for scripts. JSON always has the keys and codes. The workbook keeps
// what Excel would mangle in a CSV (long digit strings, leading zeros) as text.
import { extname } from 'node:path';
import { warn, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransactionAsync } from '../db/database.js';
import { exportCustomers, type ExportedCard } from '../db/export.js';
import { CUSTOMER_FIELDS, fieldByKey } from '../domain/card-fields.js';
import { isoDate } from '../domain/date.js';
import { optionLabel } from '../domain/enums.js';
import { maskContact } from '../domain/masking.js';
import { formatPhone } from '../domain/phone-format.js';
import { masksPersonalData } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { pick } from '../i18n/translate.js';
import { filesAfterCommit, namesDirectory, refuseBytesOnTerminal } from '../io/atomic-files.js';
import { cardJson } from '../io/card-json.js';
import { safeCsv } from '../io/csv-safe.js';
import { duringStep } from '../io/progress.js';
import { withSession } from '../session.js';
import { listFilters, type FilterOptions } from './list-filters.js';

type Format = 'csv' | 'json' | 'xlsx';

export interface ExportOptions extends FilterOptions {
  format?: Format;
  fields?: string[];
  out?: string;
  /** CSV headed by keys, enumerations as codes (for scripts), instead of labels. */
  raw?: boolean;
}

/** What --out's extension says; no extension is CSV. Any other extension (客户.xls) would get a
 * file its name misdescribes, which Excel refuses to open: it is refused unless --format is given. */
const BY_EXTENSION: Record<string, Format> = { '': 'csv', '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json' };

function chooseFormat(ctx: Context, o: ExportOptions): Format {
  const format = o.format ?? (o.out === undefined ? 'csv' : BY_EXTENSION[extname(o.out).toLowerCase()]);
  if (format === undefined) throw new UsageError('report.unknown_extension', { path: o.out!, extensions: '.csv .xlsx .json' });
  if (format === 'xlsx') refuseBytesOnTerminal(ctx, o.out);
  return format;
}

const CONTACT_COLUMNS = ['name', 'title', 'mobile', 'email'] as const;
/** The CSV's columns: the card's customer fields, then the first contact's. */
export const CSV_KEYS: readonly string[] = ['id', ...CUSTOMER_FIELDS.map((f) => f.key), ...CONTACT_COLUMNS.map((k) => `contact_${k}`)];
/** Headers of the CSV's columns that are not card fields. */
const OTHER_LABELS: Record<string, MessageKey> = {
  id: 'export.column.id',
  contact_name: 'export.column.contact_name',
  contact_title: 'export.column.contact_title',
  contact_mobile: 'export.column.contact_mobile',
  contact_email: 'export.column.contact_email',
};
/** The JSON card's top-level keys (io/card-json.ts). */
export const JSON_KEYS: readonly string[] = ['id', ...CUSTOMER_FIELDS.map((f) => f.key), 'staff', 'verified', 'verified_at', 'created_at', 'updated_at', 'contacts'];

function chosenKeys(all: readonly string[], fields: string[] | undefined): readonly string[] {
  if (fields === undefined || fields.length === 0) return all;
  for (const field of fields) if (!all.includes(field)) throw new UsageError('export.unknown_field', { field, allowed: all.join(', ') });
  return [...new Set(fields)];
}

/** Phones as people write them (0755 8376 5432): the stored +86… would read as a formula. */
const shownPhone = (v: unknown) => (typeof v === 'string' && v !== '' ? formatPhone(v) : v);

function csvRow(e: ExportedCard, masked: boolean): Record<string, unknown> {
  const card = cardJson(e.card);
  const row: Record<string, unknown> = { ...card, phone: shownPhone(card.phone), fax: shownPhone(card.fax) };
  const first = e.card.contacts[0];
  for (const k of CONTACT_COLUMNS) row[`contact_${k}`] = first?.[k] ?? null;
  // A masked mobile (138****8000) is no longer a number to format.
  if (!masked) row.contact_mobile = shownPhone(row.contact_mobile);
  return row;
}

const ENUM_FIELDS = CUSTOMER_FIELDS.filter((f) => f.type === 'enum');

/** A column's header for people: the card's label (企业名称, Company name), else the export's own. */
function columnLabel(ctx: Context, key: string): string {
  const def = fieldByKey(CUSTOMER_FIELDS, key);
  return def ? pick(ctx.lang, def) : ctx.t(OTHER_LABELS[key]!);
}

/** The row for people: enumerated values as the policy's terms (potential → 潜在客户). */
function labelledRow(ctx: Context, row: Record<string, unknown>): Record<string, unknown> {
  const labelled = { ...row };
  for (const def of ENUM_FIELDS) labelled[def.key] = optionLabel(def.options!, (row[def.key] as string | null) ?? null, ctx.lang);
  return labelled;
}

async function render(ctx: Context, files: ExportedCard[], o: ExportOptions, format: Format): Promise<string | Uint8Array> {
  if (format === 'json') {
    const keys = chosenKeys(JSON_KEYS, o.fields);
    const cards = files.map((e) => cardJson(e.card)).map((c) => Object.fromEntries(keys.map((k) => [k, c[k]])));
    return JSON.stringify(cards, null, 2) + '\n';
  }
  const keys = chosenKeys(CSV_KEYS, o.fields);
  const rows = files
    .map((e) => csvRow(e, masksPersonalData(e.basis)))
    .map((r) => (o.raw ? r : labelledRow(ctx, r)))
    .map((r) => keys.map((k) => r[k] as string | number | null));
  const head = o.raw ? keys : keys.map((k) => columnLabel(ctx, k));
  if (format === 'csv') return safeCsv(head, rows);
  const { xlsxBytes, MONEY_FORMAT } = await import('../io/xlsx.js');
  const formats = keys.map((k) => (fieldByKey(CUSTOMER_FIELDS, k)?.type === 'money' ? MONEY_FORMAT : undefined));
  return xlsxBytes([{ name: ctx.t('export.sheet'), head, rows, formats }]);
}

export async function run(ctx: Context, o: ExportOptions): Promise<void> {
  const today = isoDate(ctx.now());
  // Before opening anything (an export is logged as a consultation): a wrong --fields, an --out
  // that is a directory or whose extension names no format is a usage error, whatever the data.
  if (o.out !== undefined && namesDirectory(o.out)) throw new UsageError('export.out_is_dir', { path: o.out });
  const format = chooseFormat(ctx, o);
  chosenKeys(format === 'json' ? JSON_KEYS : CSV_KEYS, o.fields);
  const { text, n } = await withSession(ctx, 'export', (s) =>
    duringStep(ctx, ctx.t('export.working'), () =>
      filesAfterCommit((stage) =>
        consultTransactionAsync(s.db, async () => {
          const files = exportCustomers(s.db, listFilters(s, o, today), s.scope);
          // Each exported file is a consultation (POLICY §6).
          logAccess(s.db, s.actor, 'export', files.map((e) => ({ customerId: e.card.row.id, basis: e.basis })));
          for (const e of files) if (masksPersonalData(e.basis)) e.card.contacts = e.card.contacts.map(maskContact);
          const text = await render(ctx, files, o, format);
          if (o.out !== undefined) stage([{ path: o.out, text }]);
          return { text, n: files.length };
        }),
      ),
    ),
  );
  if (o.out === undefined) ctx.io.stdout.write(text);
  else warn(ctx, ctx.t('export.written', { n, path: o.out }));
}
