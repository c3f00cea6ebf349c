// crm import FILE --kind deals: trade history in bulk, from a CSV file as the card import reads
// them (UTF-8, GB18030 or UTF-16; columns found by their Chinese or English headers). Each row is
// a deal with a customer on file, checked as crm deal add checks it; a bad row is rejected with its
// line and reason and the rest imported, all in one transaction.
import { print, printJson, warn, type Context } from '../context.js';
import { beginImmediate } from '../db/database.js';
import { getCustomer, type CustomerRow } from '../db/customers.js';
import { recordDeal } from '../db/deal-writes.js';
import { customerIdsByNameKey, dealOnFile, recordPayment } from '../db/deals.js';
import { finishImport, startImport, zeroCounts } from '../db/imports.js';
import { basisFor } from '../db/scope-sql.js';
import { companyNameKey } from '../domain/company-name.js';
import { isoDate } from '../domain/date.js';
import { formatCustomerId, parseCustomerId } from '../domain/ids.js';
import { parseMoney } from '../domain/money.js';
import { blankToNull } from '../domain/text.js';
import { UsageError, ValidationError } from '../errors.js';
import { listOf } from '../i18n/translate.js';
import { csvRecords, detectDelimiter, type CsvRecord } from '../io/csv-records.js';
import { parseEncodingFlag } from '../io/decode.js';
import { openErrorsFile, type ErrorsFile } from '../io/errors-file.js';
import { openInput } from '../io/input-bytes.js';
import { importInput } from './import-input.js';
import { heapKeeper } from '../io/heap.js';
import { progress } from '../io/progress.js';
import { fileError, refuseIfRejected, rejectRow } from './import-errors.js';
import { withSession, type Session } from '../session.js';
import { checkDeal, type DealLabels } from './deal/add.js';
import type { ImportOptions } from './import.js';

type Column = 'customer_id' | 'company' | 'date' | 'amount' | 'profit' | 'line' | 'mode' | 'payment_terms' | 'contract' | 'due' | 'competitor' | 'paid';

const HEADERS: Record<Column, readonly string[]> = {
  customer_id: ['客户编号', '客户ID', 'customer_id'],
  company: ['客户', '客户名称', '公司', '公司名称', '企业名称', 'company', 'company_name'],
  date: ['日期', '交易日期', 'date', 'deal_date'],
  amount: ['金额', '交易额', '交易金额', 'amount'],
  profit: ['毛利', 'profit'],
  line: ['业务板块', '品项', 'line', 'business_line'],
  mode: ['合作方式', 'mode'],
  payment_terms: ['付款方式', 'payment_terms'],
  contract: ['合同编号', 'contract', 'contract_no'],
  due: ['到期日', '应收日期', 'due', 'due_date'],
  competitor: ['竞争对手', 'competitor'],
  paid: ['已付', '已付金额', 'paid'],
};

/** Headers compare without width, case, spaces or punctuation: 客户 编号 = 客户编号, Customer-ID = customer_id. */
function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const COLUMN_OF = new Map(Object.entries(HEADERS).flatMap(([column, names]) => names.map((n) => [headerKey(n), column as Column])));

interface Layout {
  header: string[];
  index: Partial<Record<Column, number>>;
  unmapped: string[];
}

function layoutOf(header: string[]): Layout {
  const index: Layout['index'] = {};
  const unmapped: string[] = [];
  header.forEach((h, i) => {
    const column = COLUMN_OF.get(headerKey(h));
    if (column !== undefined && index[column] === undefined) index[column] = i;
    else if (h.trim() !== '') unmapped.push(h);
  });
  const missing =
    index.customer_id === undefined && index.company === undefined
      ? { zh: '客户编号或客户名称', en: 'customer_id or company' }
      : index.date === undefined
        ? { zh: '日期', en: 'date' }
        : index.amount === undefined
          ? { zh: '金额', en: 'amount' }
          : null;
  if (missing) throw new UsageError('trade.import_no_columns', { missing, header: listOf(header) });
  return { header, index, unmapped };
}


/** The CSV records of the text, separated by what its first part shows (comma, tab or semicolon). */
async function recordsOf(text: AsyncGenerator<string>): Promise<AsyncGenerator<CsvRecord>> {
  const first = await text.next();
  if (first.done) return csvRecords(text, ',');
  const whole = (async function* () {
    yield first.value;
    yield* text;
  })();
  return csvRecords(whole, detectDelimiter(first.value));
}

interface Counts {
  rows_read: number;
  deals_created: number;
  payments_created: number;
  skipped: number;
  rejected: number;
}

export async function run(ctx: Context, file: string, o: ImportOptions): Promise<void> {
  const cardOnly = { '--event': o.event, '--event-date': o.eventDate, '--owner': o.owner, '--map': o.map, '--profile': o.profile };
  for (const [flag, value] of Object.entries(cardOnly)) if (value !== undefined) throw new UsageError('trade.import_card_flag', { flag });
  const chosen = parseEncodingFlag(o.encoding);

  const counts = await withSession(ctx, 'import', async (s) => {
    const input = await openInput(ctx, file);
    const bar = progress(ctx, input.size, ctx.t('import.progress'));
    let errors: ErrorsFile | null = null;
    try {
      const read = await importInput(ctx, input, chosen, o.sheet);
      const encoding = read.encoding;
      const records = 'records' in read ? read.records : await recordsOf(read.text);
      const head = await records.next();
      if (head.done || head.value.fields.every((f) => f.trim() === '')) throw new UsageError('trade.import_empty', {});
      const layout = layoutOf(head.value.fields);
      if (!o.json && layout.unmapped.length) warn(ctx, ctx.t('trade.import_unmapped', { columns: listOf(layout.unmapped) }));
      errors = o.errors ? openErrorsFile(o.errors, layout.header, { line: ctx.t('import.col_line'), reason: ctx.t('import.col_reason') }) : null;
      return await importAll(ctx, s, { layout, records, file, encoding, strict: !!o.strict, dryRun: !!o.dryRun }, errors, (c) => bar.update(input.bytesRead(), c.rows_read));
    } catch (e) {
      errors?.discard();
      throw fileError(e);
    } finally {
      bar.finish();
    }
  });

  if (o.json) printJson(ctx, { ...counts, dry_run: !!o.dryRun });
  else print(ctx, ctx.t(o.dryRun ? 'trade.import_summary_dry' : 'trade.import_summary', { ...counts }));
  refuseIfRejected(ctx, counts.rejected, o);
}

interface Run {
  layout: Layout;
  records: AsyncIterable<CsvRecord>;
  file: string;
  encoding: string;
  strict: boolean;
  dryRun: boolean;
}

/** The one transaction: every good row recorded, or — on a fatal error, --strict, or --dry-run — none. */
async function importAll(ctx: Context, s: Session, r: Run, errors: ErrorsFile | null, tick: (c: Counts) => void): Promise<Counts> {
  const { db } = s;
  const counts: Counts = { rows_read: 0, deals_created: 0, payments_created: 0, skipped: 0, rejected: 0 };
  beginImmediate(db);
  try {
    const { id: importId, actor } = startImport(db, s.actor, {
      fileName: r.file,
      encoding: r.encoding,
      layout: 'deals',
      source: 'deals',
      event: null,
      eventDate: null,
      // Deals already on file are skipped, never changed.
      onDuplicate: 'skip',
    });
    const { header, index } = r.layout;
    // Errors name the column as the file heads it.
    const label = (column: Column) => (index[column] === undefined ? column : header[index[column]]!);
    const labels: DealLabels = { date: label('date'), amount: label('amount'), profit: label('profit'), due: label('due') };
    const today = isoDate(ctx.now());
    const keepHeapSmall = heapKeeper();
    for await (const { line, fields } of r.records) {
      // Excel leaves rows of empty cells below the data: nothing to read there.
      if (fields.every((f) => f.trim() === '')) continue;
      keepHeapSmall(++counts.rows_read);
      const cell = (column: Column) => (index[column] === undefined ? undefined : fields[index[column]]);
      try {
        if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== '')) {
          throw new ValidationError('import.ragged', { n: fields.length, m: header.length });
        }
        const customer = customerOf(s, cell('customer_id'), cell('company'));
        const deal = checkDeal(
          {
            date: cell('date'),
            amount: cell('amount'),
            profit: cell('profit'),
            line: cell('line'),
            mode: cell('mode'),
            paymentTerms: cell('payment_terms'),
            contract: cell('contract'),
            due: cell('due'),
            competitor: cell('competitor'),
          },
          labels,
          today,
        );
        const paid = paidOf(cell('paid'), label('paid'), deal.amount, deal.competitor !== null);
        if (dealOnFile(db, customer.id, deal)) {
          counts.skipped++;
        } else {
          const { id } = recordDeal(db, actor, customer, deal);
          counts.deals_created++;
          if (paid > 0) {
            recordPayment(db, actor, { id, customer_id: customer.id }, deal.deal_date, paid);
            counts.payments_created++;
          }
        }
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        rejectRow(ctx, e, { line, fields }, { strict: r.strict, errors }, counts);
      }
      tick(counts);
    }
    if (counts.rows_read === 0) throw new UsageError('trade.import_header_only', {});
    finishImport(db, importId, { ...zeroCounts(), rows_read: counts.rows_read, skipped: counts.skipped, rejected: counts.rejected });
    // The errors file is put in place before the deals are committed: if that fails, nothing is.
    errors?.commit();
    db.exec(r.dryRun ? 'ROLLBACK' : 'COMMIT');
    return counts;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** The row's customer: by its id when given, else by company name; within the caller's write scope. */
function customerOf(s: Session, idCell: string | undefined, companyCell: string | undefined): CustomerRow {
  const idText = blankToNull(idCell);
  const company = blankToNull(companyCell);
  let row: CustomerRow | undefined;
  if (idText !== null) {
    const id = parseCustomerId(idText);
    if (id === null) throw new ValidationError('trade.import_bad_customer_id', { value: idText });
    row = getCustomer(s.db, id);
  } else {
    if (company === null) throw new ValidationError('trade.import_no_customer', {});
    const ids = customerIdsByNameKey(s.db, companyNameKey(company));
    if (ids.length > 1) throw new ValidationError('trade.import_ambiguous', { value: company, ids: ids.map(formatCustomerId).join(', ') });
    row = ids[0] === undefined ? undefined : getCustomer(s.db, ids[0]);
  }
  if (!row) throw new ValidationError('trade.import_unknown_customer', { value: idText ?? company! });
  if (basisFor(s.db, s.writeScope, row.id) === null) throw new ValidationError('trade.import_out_of_scope', { id: formatCustomerId(row.id) });
  return row;
}

/** What the row says was paid already (recorded as one payment on the deal date), or 0. */
function paidOf(cell: string | undefined, field: string, amount: number, competitor: boolean): number {
  const text = blankToNull(cell);
  if (text === null) return 0;
  const paid = parseMoney(text);
  if (paid === null) throw new ValidationError('trade.bad_amount', { field, value: text });
  if (paid > 0 && competitor) throw new ValidationError('trade.import_paid_competitor', { field });
  if (paid > amount) throw new ValidationError('trade.import_paid_exceeds', { field, paid, amount });
  return paid;
}
