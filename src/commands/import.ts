// crm import FILE|-: business cards from a trade show (any CSV layout, vCard; UTF-8, GB18030 or
// UTF-16) filed into customers and contacts without duplicates, in one transaction. Tells the
// clerk exactly what it did and which rows it could not use, and why.
import { print, printJson, warn, type Context } from '../context.js';
import { beginImmediate, type Db } from '../db/database.js';
import { fileCardInto, finishImport, importProfile, startImport, saveImportProfile, zeroCounts, type DuplicatePolicy, type ImportCounts } from '../db/imports.js';
import type { BusinessCard } from '../domain/business-card.js';
import { fileCard } from '../domain/card-filing.js';
import { CUSTOMER_FIELDS, fieldByKey, normalizeEnumField } from '../domain/card-fields.js';
import { parseDate } from '../domain/date.js';
import { cardFromRow, detectLayout, isBlankRow, parseMapping, type Layout, type Target } from '../domain/import-layout.js';
import { mayAddCustomers, mayReassign } from '../domain/scope.js';
import { CrmError, PermissionError, UsageError, ValidationError } from '../errors.js';
import { csvRecords, detectDelimiter, type CsvRecord } from '../io/csv-records.js';
import { parseEncodingFlag, type Encoding } from '../io/decode.js';
import { openErrorsFile, type ErrorsFile } from '../io/errors-file.js';
import { openInput } from '../io/input-bytes.js';
import { heapKeeper } from '../io/heap.js';
import { progress } from '../io/progress.js';
import { looksLikeVCard, parseVCards } from '../io/vcard.js';
import { fileError, refuseIfRejected, rejectRow } from './import-errors.js';
import { importInput } from './import-input.js';
import { listOf } from '../i18n/translate.js';
import { withSession, type Session } from '../session.js';
import { resolveStaff } from './card-input.js';

export interface ImportOptions {
  source: string;
  event?: string;
  eventDate?: string;
  owner?: string;
  map?: string[];
  profile?: string;
  encoding: string;
  onDuplicate: string;
  dryRun?: boolean;
  strict?: boolean;
  errors?: string;
  json?: boolean;
  /** The sheet of a workbook to read (by default the first with anything in it). */
  sheet?: string;
  /** cards (business cards, this module) or deals (trade history, import-deals.ts). */
  kind: 'cards' | 'deals';
}

/** One unit of input: a CSV row or a vCard, read or not. */
interface Entry {
  line: number;
  /** The card, or why it could not be read. */
  card: BusinessCard | CrmError;
  /** What goes into the errors file if the card is rejected. */
  raw: string[];
}

interface Reader {
  layout: string;
  header: string[];
  /** Columns no field was found for: reported, so the clerk can --map them. */
  unmapped: string[];
  /** Customer-file columns left to other commands (客户状态, 负责人 …): reported as such. */
  managed: string[];
  entries: AsyncIterable<Entry>;
}

const DUPLICATE_POLICIES: readonly DuplicatePolicy[] = ['skip', 'merge', 'update'];

function checkedOptions(o: ImportOptions) {
  const source = normalizeEnumField(fieldByKey(CUSTOMER_FIELDS, 'source')!, o.source);
  const eventDate = o.eventDate === undefined ? null : parseDate(o.eventDate);
  if (eventDate === null && o.eventDate !== undefined) throw new UsageError('import.bad_event_date', { value: o.eventDate });
  // Case is not a choice (Merge, UPDATE), as for --encoding.
  const policy = o.onDuplicate.trim().toLowerCase() as DuplicatePolicy;
  if (!DUPLICATE_POLICIES.includes(policy)) throw new UsageError('import.bad_on_duplicate', { value: o.onDuplicate });
  return { source, eventDate, policy, encoding: parseEncodingFlag(o.encoding), mapping: parseMapping(o.map ?? []) };
}

async function* withFirst<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const hasCardColumn = (layout: Layout) => layout.columns.some((c) => ['company', 'name', 'family_name', 'given_name'].includes(c.target));

/** Sheets often carry a title (and a line of who made them) above the header: "2026深圳电子展名片". */
const HEADER_SEARCH_RECORDS = 5;

/** The header row: the first record that names a company or person column, among the first few;
 * the records above it are titles. Null for a file without records. */
async function findHeader(records: AsyncGenerator<CsvRecord>, overrides: Record<string, Target>): Promise<{ header: string[]; layout: Layout } | null> {
  const filled = (fields: string[]) => fields.filter((f) => f.trim() !== '');
  // Without a header, the fullest record is named: more likely the header than a title is.
  let fullest: string[] | undefined;
  for (let i = 0; i < HEADER_SEARCH_RECORDS; i++) {
    const next = await records.next();
    if (next.done) break;
    const layout = detectLayout(next.value.fields, overrides);
    if (hasCardColumn(layout)) return { header: next.value.fields, layout };
    if (!fullest || filled(next.value.fields).length > fullest.length) fullest = filled(next.value.fields);
  }
  if (fullest === undefined) return null;
  throw new UsageError('import.no_columns', { header: listOf(fullest) });
}

/** Tells CSV from vCard by the first text, and reads the header row of a CSV. */
async function openReader(text: AsyncIterable<string>, overrides: Record<string, Target>): Promise<Reader | null> {
  const iterator = text[Symbol.asyncIterator]();
  let first = '';
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    first += next.value;
    if (first.trim() !== '') break;
  }
  if (first.trim() === '') return null;
  const all = withFirst(first, iterator);
  if (looksLikeVCard(first)) {
    let whole = '';
    for await (const t of all) whole += t;
    return {
      layout: 'vcard',
      unmapped: [],
      managed: [],
      header: ['company', 'name', 'mobile', 'email'],
      entries: (async function* () {
        for (const { line, card } of parseVCards(whole)) {
          yield { line, card, raw: [card.company ?? '', card.person ?? '', card.mobiles.join(' '), card.emails.join(' ')] };
        }
      })(),
    };
  }
  return recordsReader(csvRecords(all, detectDelimiter(first)), overrides);
}

/** The cards of a sheet's records (a CSV file's or a workbook's), under its header row. */
async function recordsReader(records: AsyncGenerator<CsvRecord>, overrides: Record<string, Target>): Promise<Reader | null> {
  const found = await findHeader(records, overrides);
  if (!found) return null;
  const { header, layout } = found;
  return {
    layout: layout.kind,
    unmapped: layout.unmapped,
    managed: layout.managed,
    header,
    entries: (async function* () {
      for await (const { line, fields } of records) {
        if (isBlankRow(layout, fields)) continue;
        const extra = fields.slice(header.length).filter((f) => f.trim() !== '');
        const card = extra.length ? new ValidationError('import.ragged', { n: fields.length, m: header.length }) : cardFromRow(layout, fields);
        yield { line, card, raw: fields };
      }
    })(),
  };
}


export async function run(ctx: Context, file: string, o: ImportOptions): Promise<void> {
  if (o.kind === 'deals') return (await import('./import-deals.js')).run(ctx, file, o);
  const opts = checkedOptions(o);
  const { counts, encoding, layout, unmapped, managed } = await withSession(ctx, 'import', async (s) => {
    if (!mayAddCustomers(s.caller)) throw new PermissionError('customer.add_denied', {});
    const owner = resolveStaff(s.db, o.owner ?? s.caller.login, fieldByKey(CUSTOMER_FIELDS, 'owner')!, 'owner');
    if (owner.id !== s.caller.staffId && !mayReassign(s.caller)) throw new PermissionError('customer.reassign_denied', {});
    const saved = o.profile ? importProfile(s.db, o.profile) : undefined;
    if (o.profile && !saved && !o.map?.length) throw new UsageError('import.no_profile', { name: o.profile });
    const overrides = { ...(saved as Record<string, Target> | undefined), ...opts.mapping };

    const input = await openInput(ctx, file);
    let encoding: Encoding | 'xlsx';
    let reader: Reader | null;
    try {
      const read = await importInput(ctx, input, opts.encoding, o.sheet);
      encoding = read.encoding;
      reader = 'records' in read ? await recordsReader(read.records, overrides) : await openReader(read.text, overrides);
    } catch (e) {
      throw fileError(e);
    }
    if (!reader) throw new UsageError('import.empty', {});

    const errors = o.errors ? openErrorsFile(o.errors, reader.header, { line: ctx.t('import.col_line'), reason: ctx.t('import.col_reason') }) : null;
    const bar = progress(ctx, input.size, ctx.t('import.progress'));
    const counts = zeroCounts();
    try {
      await fileAll(ctx, s, reader, { ...opts, ownerId: owner.id, ownerLogin: owner.login, file, event: o.event ?? null, strict: !!o.strict, dryRun: !!o.dryRun, profile: o.profile, encoding }, counts, errors, () =>
        bar.update(input.bytesRead(), counts.rows_read),
      );
    } catch (e) {
      errors?.discard();
      throw fileError(e);
    } finally {
      bar.finish();
    }
    return { counts, encoding, layout: reader.layout, unmapped: reader.unmapped, managed: reader.managed };
  });

  const summary = { ...counts, dry_run: !!o.dryRun, encoding, layout, unmapped_columns: unmapped, managed_columns: managed, errors_file: o.errors ?? null };
  if (o.json) printJson(ctx, summary);
  else {
    print(ctx, ctx.t(o.dryRun ? 'import.summary_dry' : 'import.summary', { ...counts }));
    if (unmapped.length) warn(ctx, ctx.t('import.unmapped', { columns: listOf(unmapped) }));
    if (managed.length) warn(ctx, ctx.t('import.managed', { columns: listOf(managed) }));
  }
  refuseIfRejected(ctx, counts.rejected, o);
}

interface FilingSettings {
  source: string;
  eventDate: string | null;
  policy: DuplicatePolicy;
  ownerId: number;
  ownerLogin: string;
  file: string;
  event: string | null;
  strict: boolean;
  dryRun: boolean;
  profile: string | undefined;
  mapping: Record<string, Target>;
  /** The text encoding, or xlsx for a workbook. */
  encoding: Encoding | 'xlsx';
}

/** The one transaction: every card filed, or — on a fatal error, --strict, or --dry-run — none. */
async function fileAll(
  ctx: Context,
  s: Session,
  reader: Reader,
  f: FilingSettings,
  counts: ImportCounts,
  errors: ErrorsFile | null,
  tick: () => void,
): Promise<void> {
  const db: Db = s.db;
  beginImmediate(db);
  try {
    const { id: importId, actor } = startImport(db, s.actor, {
      fileName: f.file,
      encoding: f.encoding,
      layout: reader.layout,
      source: f.source,
      event: f.event,
      eventDate: f.eventDate,
      onDuplicate: f.policy,
    });
    const detail = [f.event, f.eventDate].filter(Boolean).join(' ');
    const run = {
      actor,
      onDuplicate: f.policy,
      ownerId: f.ownerId,
      writeScope: s.writeScope,
      newCustomer: { status: 'potential', source: f.source, ...(detail ? { source_detail: detail } : {}), owner: f.ownerLogin },
    };
    const keepHeapSmall = heapKeeper();
    for await (const entry of reader.entries) {
      keepHeapSmall(++counts.rows_read);
      try {
        if (entry.card instanceof CrmError) throw entry.card;
        fileCardInto(db, run, fileCard(entry.card), counts);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        rejectRow(ctx, e, { line: entry.line, fields: entry.raw }, { strict: f.strict, errors }, counts);
      }
      tick();
    }
    if (counts.rows_read === 0) throw new UsageError('import.header_only', {});
    finishImport(db, importId, counts);
    if (f.profile && Object.keys(f.mapping).length) saveImportProfile(db, f.profile, f.mapping, s.caller.staffId, s.actor.at);
    // The errors file is put in place before the cards are committed: if that fails, nothing is.
    errors?.commit();
    db.exec(f.dryRun ? 'ROLLBACK' : 'COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
