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
import { indentsDocument, warn, type Context } from '../context.js';
import { logAccess, type Consultation } from '../db/access-log.js';
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

const ENUM_FIELDS = CUSTOMER_FIELDS.filter((f) => f.type === 'enum');

/** A column's header for people: the card's label (企业名称, Company name), else the export's own. */
function columnLabel(ctx: Context, key: string): string {
  const def = fieldByKey(CUSTOMER_FIELDS, key);
  return def ? pick(ctx.lang, def) : ctx.t(OTHER_LABELS[key]!);
}

type Cell = string | number | null;
/** A column's cell for a file: from its card as JSON (cardJson) and, for the contact's columns, its first contact. */
type ColumnReader = (card: Record<string, unknown>, e: ExportedCard) => Cell;

/** How a column is read: phones as people write them, enumerations as the policy's terms (potential
 * → 潜在客户) unless --raw, the first contact's columns from it. Made once per column rather than
 * copying each card twice (a third of the export's time on a large book). */
function columnReader(ctx: Context, key: string, raw: boolean): ColumnReader {
  const contactKey = CONTACT_COLUMNS.find((k) => key === `contact_${k}`);
  // A masked mobile (138****8000) is no longer a number to format.
  if (contactKey === 'mobile') return (_, e) => ((m) => (m && !masksPersonalData(e.basis) ? formatPhone(m) : m))(e.card.contacts[0]?.mobile ?? null);
  if (contactKey !== undefined) return (_, e) => e.card.contacts[0]?.[contactKey] ?? null;
  if (key === 'phone' || key === 'fax') return (card) => shownPhone(card[key]) as Cell;
  const def = ENUM_FIELDS.find((f) => f.key === key);
  if (def && !raw) return (card) => optionLabel(def.options!, (card[key] as string | null) ?? null, ctx.lang);
  return (card) => (card[key] as Cell) ?? null;
}

/** The export's text (JSON, CSV) or bytes (xlsx), made as the files stream past. */
async function render(ctx: Context, files: Iterable<ExportedCard>, o: ExportOptions, format: Format): Promise<string | Uint8Array> {
  if (format === 'json') {
    const keys = chosenKeys(JSON_KEYS, o.fields);
    // Indented only for a terminal, as the reports (105 MB indented for the benchmark's 100,000
    // files). The array is made one card at a time, as JSON.stringify(cards, null, indent) would.
    const indent = indentsDocument(ctx, o.out);
    const cards: string[] = [];
    for (const e of files) {
      const card = cardJson(e.card);
      const picked = Object.fromEntries(keys.map((k) => [k, card[k]]));
      cards.push(indent ? JSON.stringify(picked, null, 2).replaceAll('\n', '\n  ') : JSON.stringify(picked));
    }
    if (cards.length === 0) return '[]\n';
    return indent ? `[\n  ${cards.join(',\n  ')}\n]\n` : `[${cards.join(',')}]\n`;
  }
  const keys = chosenKeys(CSV_KEYS, o.fields);
  const readers = keys.map((k) => columnReader(ctx, k, o.raw === true));
  const rows: Cell[][] = [];
  for (const e of files) {
    const card = cardJson(e.card);
    rows.push(readers.map((read) => read(card, e)));
  }
  const head = o.raw ? keys : keys.map((k) => columnLabel(ctx, k));
  if (format === 'csv') return safeCsv(head, rows);
  const { xlsxBytes, MONEY_FORMAT } = await import('../io/xlsx.js');
  const formats = keys.map((k) => (fieldByKey(CUSTOMER_FIELDS, k)?.type === 'money' ? MONEY_FORMAT : undefined));
  return xlsxBytes([{ name: ctx.t('export.sheet'), head, rows, formats }]);
}

/** The files as exported: contacts seen only through a request masked (PIPL), each file noted in
 * `consulted` for the access log. */
function* masked(files: Iterable<ExportedCard>, consulted: Consultation[]): Generator<ExportedCard> {
  for (const e of files) {
    consulted.push({ customerId: e.card.row.id, basis: e.basis });
    if (masksPersonalData(e.basis)) e.card.contacts = e.card.contacts.map(maskContact);
    yield e;
  }
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
          const consulted: Consultation[] = [];
          const text = await render(ctx, masked(exportCustomers(s.db, listFilters(s, o, today), s.scope), consulted), o, format);
          // Each exported file is a consultation (POLICY §6).
          logAccess(s.db, s.actor, 'export', consulted);
          if (o.out !== undefined) stage([{ path: o.out, text }]);
          return { text, n: consulted.length };
        }),
      ),
    ),
  );
  if (o.out === undefined) ctx.io.stdout.write(text);
  else warn(ctx, ctx.t('export.written', { n, path: o.out }));
}
