// crm export [list filters] --format csv|json [--fields …] [--out FILE]: the customer files the
// caller may see, for a spreadsheet (CSV: one row per customer, the first contact alongside) or a
// program (JSON: the contract's full cards). Each exported file is a consultation (POLICY §6);
// contacts seen only through a request stay masked (PIPL). --out is written beside its place and
// renamed after the commit, so a failed export leaves no file and no half file. Without --format,
// the format is --out's extension (.json), else CSV.
import { extname } from 'node:path';
import { warn, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { exportCustomers, type ExportedCard } from '../db/export.js';
import { CUSTOMER_FIELDS } from '../domain/card-fields.js';
import { isoDate } from '../domain/date.js';
import { maskContact } from '../domain/masking.js';
import { formatPhone } from '../domain/phone-format.js';
import { masksPersonalData } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import { filesAfterCommit, namesDirectory } from '../io/atomic-files.js';
import { cardJson } from '../io/card-json.js';
import { safeCsv } from '../io/csv-safe.js';
import { withSession } from '../session.js';
import { listFilters, type FilterOptions } from './list-filters.js';

type Format = 'csv' | 'json';

export interface ExportOptions extends FilterOptions {
  format?: Format;
  fields?: string[];
  out?: string;
}

const CONTACT_COLUMNS = ['name', 'title', 'mobile', 'email'] as const;
/** The CSV's columns: the card's customer fields, then the first contact's. */
export const CSV_KEYS: readonly string[] = ['id', ...CUSTOMER_FIELDS.map((f) => f.key), ...CONTACT_COLUMNS.map((k) => `contact_${k}`)];
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

function render(files: ExportedCard[], o: ExportOptions, format: Format): string {
  if (format === 'json') {
    const keys = chosenKeys(JSON_KEYS, o.fields);
    const cards = files.map((e) => cardJson(e.card)).map((c) => Object.fromEntries(keys.map((k) => [k, c[k]])));
    return JSON.stringify(cards, null, 2) + '\n';
  }
  const keys = chosenKeys(CSV_KEYS, o.fields);
  const rows = files.map((e) => csvRow(e, masksPersonalData(e.basis))).map((r) => keys.map((k) => r[k] as string | number | null));
  return safeCsv(keys, rows);
}

export async function run(ctx: Context, o: ExportOptions): Promise<void> {
  const today = isoDate(ctx.now());
  const format: Format = o.format ?? (o.out !== undefined && extname(o.out).toLowerCase() === '.json' ? 'json' : 'csv');
  // Before opening anything (an export is logged as a consultation): a wrong --fields or an --out
  // that is a directory is a usage error, whatever the data.
  chosenKeys(format === 'json' ? JSON_KEYS : CSV_KEYS, o.fields);
  if (o.out !== undefined && namesDirectory(o.out)) throw new UsageError('export.out_is_dir', { path: o.out });
  const { text, n } = await withSession(ctx, 'export', (s) =>
    filesAfterCommit((stage) =>
      consultTransaction(s.db, () => {
        const files = exportCustomers(s.db, listFilters(s, o, today), s.scope);
        // Each exported file is a consultation (POLICY §6).
        logAccess(s.db, s.actor, 'export', files.map((e) => ({ customerId: e.card.row.id, basis: e.basis })));
        for (const e of files) if (masksPersonalData(e.basis)) e.card.contacts = e.card.contacts.map(maskContact);
        const text = render(files, o, format);
        if (o.out !== undefined) stage([{ path: o.out, text }]);
        return { text, n: files.length };
      }),
    ),
  );
  if (o.out === undefined) ctx.io.stdout.write(text);
  else warn(ctx, ctx.t('export.written', { n, path: o.out }));
}
