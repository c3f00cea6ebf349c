// Every report laid out as named sections of typed cells: the one layout that each format draws
// from, the tables and Markdown (report-render.ts), the CSV files (report-csv.ts) and the HTML
// page (report-html.ts). Cells stay numbers here; each renderer decides how a kind of number is
// shown. Text is already the reader's: titles, column labels, a customer status in the policy's
// term (as `crm list` shows it); the JSON document keeps the keys.
import type { GroupRow, KindRow } from '../db/file-reports.js';
import { KINDS, optionLabel, SOURCES, STATUSES } from '../domain/enums.js';
import type {
  AgingAmounts,
  Change,
  CompositionReport,
  CountRow,
  CustomersReport,
  MonthlyReport,
  ReceivablesReport,
  VisitsReport,
} from '../domain/report.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Lang, Translate } from '../i18n/translate.js';

/** money_change and count_change are differences, shown signed (+7,000.00) to people. */
export type Kind = 'text' | 'count' | 'count_change' | 'money' | 'money_change' | 'percent';

export interface Column {
  label: string;
  kind: Kind;
}

export type Cell = string | number | null;

export interface ReportSection {
  /** Stable, ASCII: the CSV file is named after it (2026-10-revenue_by_grade.csv). */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The last row is the total of the others. */
  total: boolean;
  /** The rows are customer files, as many as the data has (who owes, who lacks a contract …). */
  listed: boolean;
  /** Rows of a listed section left out of a human format (see shortened). */
  more?: number;
}

/** A report as people read it: its title lines, then its sections. */
export interface ReportLayout {
  title: string[];
  sections: ReportSection[];
}

export const AGING = ['due_this_month', 'overdue', 'over_aging'] as const;
const COMPOSITIONS = ['revenue_by_grade', 'revenue_by_business_line', 'revenue_by_region', 'profit_by_grade'] as const;

/** A column named by its message key report.col_<name>. */
type ColumnName<K = MessageKey> = K extends `report.col_${infer N}` ? N : never;

/** What every layout writes with, in the reader's language. */
function words(t: Translate, lang: Lang) {
  const col = (name: ColumnName, kind: Kind = 'text'): Column => ({ label: t(`report.col_${name}`), kind });
  return {
    t,
    col,
    id: col('id'),
    name: col('name'),
    owner: col('owner'),
    rep: col('rep'),
    total: t('report.total'),
    /** A grouping key: 'none' where nothing was recorded. */
    key: (k: string) => (k === 'none' ? t('report.key_none') : k),
    who: (login: string | null) => login ?? t('report.no_owner'),
    status: (s: string) => optionLabel(STATUSES, s, lang),
    /** A source as the policy names it (展会/名片), not its code (trade-show). */
    source: (s: string) => (s === 'none' ? t('report.key_none') : optionLabel(SOURCES, s, lang)),
  };
}

type Words = ReturnType<typeof words>;

function section(id: string, title: string, columns: Column[], rows: Cell[][], total = false): ReportSection {
  return { id, title, columns, rows, total, listed: false };
}

/** A section whose rows are customer files, as many as there are. */
function listing(id: string, title: string, columns: Column[], rows: Cell[][], total = false): ReportSection {
  return { ...section(id, title, columns, rows, total), listed: true };
}

/** How many files a listed section shows in a human format (table, Markdown, HTML) by default:
 * a page, where a report of 100,000 customers would otherwise print 250,000 rows nobody reads.
 * CSV and JSON keep every row. */
export const LISTED_ROWS = 30;

/** The layout with each listed section cut to its first `limit` files (its total row kept: it is
 * the total of all of them), and how many were left out. */
export function shortened(layout: ReportLayout, limit: number): ReportLayout {
  const cut = (s: ReportSection): ReportSection => {
    const body = s.total ? s.rows.slice(0, -1) : s.rows;
    if (!s.listed || body.length <= limit) return s;
    return { ...s, rows: [...body.slice(0, limit), ...(s.total ? s.rows.slice(-1) : [])], more: body.length - limit };
  };
  return { ...layout, sections: layout.sections.map(cut) };
}

/** Rows by a number in them, largest first; equal ones keep their order. */
function largestFirst(rows: Cell[][], value: (row: Cell[]) => number): Cell[][] {
  return rows.map((row, i) => ({ row, i, v: value(row) })).sort((a, b) => b.v - a.v || a.i - b.i).map((x) => x.row);
}

/** A files first, then B, then C (the grade in column `at`); equal ones keep their order. */
function byGrade(rows: Cell[][], at: number): Cell[][] {
  return largestFirst(rows, (row) => -'ABC'.indexOf(String(row[at])));
}

/** The share of a total row: all of it, or none when there is nothing to share. */
function whole(total: number): number | null {
  return total > 0 ? 100 : null;
}

function aging(a: AgingAmounts): number[] {
  return AGING.map((k) => a[k]);
}

/** Receivables by rep and by customer, each with a total row when `total` is given. */
function agingSections(w: Words, r: Pick<ReceivablesReport, 'by_rep' | 'by_customer'>, total?: AgingAmounts): ReportSection[] {
  const amounts = AGING.map((k) => w.col(k, 'money'));
  const totalRow = (blanks: number): Cell[][] => (total === undefined ? [] : [[w.total, ...Array<string>(blanks).fill(''), ...aging(total)]]);
  const byRep = [...r.by_rep.map((x) => [w.who(x.rep), ...aging(x)]), ...totalRow(0)];
  // Largest debts first: the ones to chase, and the ones a shortened list keeps.
  const owing = r.by_customer.map((x) => [x.id, x.name, w.who(x.owner), ...aging(x)]);
  const byCustomer = [...largestFirst(owing, (row) => (row[3] as number) + (row[4] as number) + (row[5] as number)), ...totalRow(2)];
  return [
    section('receivables_by_rep', w.t('report.receivables_by_rep'), [w.rep, ...amounts], byRep, total !== undefined),
    listing('receivables_by_customer', w.t('report.receivables_by_customer'), [w.id, w.name, w.owner, ...amounts], byCustomer, total !== undefined),
  ];
}

/** Visits per rep against the minimums, the customers short of theirs, the reports awaiting approval. */
function visitSections(w: Words, v: MonthlyReport['visits'], byRepTitle: string): ReportSection[] {
  const { col } = w;
  const byRep = [...v.by_rep.map((x) => [w.who(x.rep), x.customers, x.required, x.done, x.customers_short]), [w.total, v.by_rep.reduce((a, x) => a + x.customers, 0), v.required, v.done.value, v.customers_short]];
  // A files first, then those furthest from their minimum.
  const short = byGrade(largestFirst(v.short.map((x) => [x.id, x.name, w.who(x.owner), w.status(x.status), x.grade, x.minimum, x.done]), (row) => (row[5] as number) - (row[6] as number)), 4);
  return [
    section('visits_by_rep', byRepTitle, [w.rep, col('customers', 'count'), col('required', 'count'), col('done', 'count'), col('short', 'count')], byRep, true),
    listing('visits_short', w.t('report.visits_short'), [w.id, w.name, w.owner, col('status'), col('grade'), col('minimum', 'count'), col('done', 'count')], short),
    section('visits_unapproved', w.t('report.unapproved'), [w.rep, col('count', 'count')], [...v.unapproved.by_rep.map((x) => [x.rep, x.count]), [w.total, v.unapproved.count]], true),
  ];
}

/** The monthly report's sections, in the order they are read. */
export function reportSections(r: MonthlyReport, t: Translate, lang: Lang): ReportSection[] {
  const w = words(t, lang);
  const { col, key, who } = w;
  const shares = [col('item'), col('amount', 'money'), col('share', 'percent'), col('previous', 'money'), col('previous_share', 'percent'), col('change', 'money_change'), col('change_pct', 'percent')];
  const composition = (id: (typeof COMPOSITIONS)[number]) => {
    const c = r.composition[id];
    const rows = c.rows.map((x) => [key(x.key), x.amount, x.share, x.previous, x.previous_share, x.change, x.change_pct]);
    return section(id, t(`report.${id}`), shares, [...rows, [w.total, c.total.value, whole(c.total.value), c.total.previous, whole(c.total.previous), c.total.change, c.total.change_pct]], true);
  };
  const figures = (kind: 'count' | 'money') => [col('item'), col('value', kind), col('prev_value', kind), col('change', kind === 'money' ? 'money_change' : 'count_change')];
  const figure = (label: string, c: Change): Cell[] => [label, c.value, c.previous, c.change];
  const cu = r.customers;
  const counts = (id: string, title: string, label: Column, rows: CountRow[], shown: (k: string) => string) =>
    section(id, title, [label, col('count', 'count')], [...rows.map((x) => [shown(x.key), x.count]), [w.total, cu.total]], true);
  const changes = [w.id, w.name, w.owner, col('date'), col('from'), col('to')];
  const rc = r.receivables;
  const dq = r.data_quality;
  return [
    ...COMPOSITIONS.map(composition),
    section('customers', t('report.customers'), figures('count'), [
      figure(t('report.new_customers'), cu.new),
      figure(t('report.churned'), cu.churned.count),
      figure(t('report.grade_changes'), cu.grade_changes.count),
    ]),
    counts('customers_by_status', t('report.by_status'), col('status'), cu.by_status, w.status),
    counts('customers_by_grade', t('report.by_grade'), col('grade'), cu.by_grade, key),
    listing('churned', t('report.churned'), [w.id, w.name, w.owner, col('date'), col('reason')], cu.churned.customers.map((x) => [x.id, x.name, who(x.owner), x.churned_on, x.reason])),
    listing('grade_changes', t('report.grade_changes'), changes, cu.grade_changes.changes.map((x) => [x.id, x.name, who(x.owner), x.changed_on, key(x.from ?? 'none'), key(x.to ?? 'none')])),
    section('receivables', t('report.receivables', { days: rc.aging_days }), figures('money'), AGING.map((k) => figure(t(`report.col_${k}`), rc.totals[k]))),
    ...agingSections(w, rc),
    section('visits', t('report.visits'), figures('count'), [figure(t('report_pages.visits_done'), r.visits.done)]),
    ...visitSections(w, r.visits, t('report_pages.visits_by_rep')),
    listing('contracts_missing', t('report.contracts'), [w.id, w.name, col('grade'), w.owner], byGrade(r.contracts.missing.map((x) => [x.id, x.name, x.grade, who(x.owner)]), 2)),
    section('credit_distribution', t('report.credit'), [col('rating'), col('count', 'count')], r.credit.distribution.map((x) => [x.key, x.count])),
    listing('credit_downgraded', t('report.credit_downgraded'), changes, r.credit.downgraded.map((x) => [x.id, x.name, who(x.owner), x.rated_on, x.from, x.to])),
    section('data_quality', t('report.data_quality'), [col('item'), col('count', 'count')], [
      [t('report.unverified'), dq.unverified],
      [t('report.stale', { date: dq.stale_before }), dq.stale],
      [t('report.ab_few_staff'), dq.ab_few_staff.length],
    ]),
    listing('data_quality_ab_few_staff', t('report.ab_few_staff'), [w.id, w.name, col('grade'), w.owner, col('staff', 'count')], byGrade(dq.ab_few_staff.map((x) => [x.id, x.name, x.grade, who(x.owner), x.staff]), 2)),
  ];
}

/** `crm report monthly`: the month against the previous one, then every section. */
export function monthlyLayout(r: MonthlyReport, t: Translate, lang: Lang): ReportLayout {
  return { title: [t('report.title', { month: r.month, previous: r.previous_month }), t('report.as_of', { as_of: r.as_of })], sections: reportSections(r, t, lang) };
}

/** `crm report composition`: one table, each key's revenue and gross profit with their shares. */
export function compositionLayout(r: CompositionReport, t: Translate, lang: Lang): ReportLayout {
  const { col, key, total } = words(t, lang);
  const by = t(`report.dim_${r.by}`);
  const profit = new Map(r.profit.rows.map((x) => [x.key, x]));
  const rows: Cell[][] = r.revenue.rows.map((x) => {
    const p = profit.get(x.key)!;
    return [key(x.key), x.amount, x.share, x.previous, x.change_pct, p.amount, p.share, p.previous];
  });
  const [rt, pt] = [r.revenue.total, r.profit.total];
  rows.push([total, rt.value, whole(rt.value), rt.previous, rt.change_pct, pt.value, whole(pt.value), pt.previous]);
  const columns: Column[] = [{ label: by, kind: 'text' }, col('revenue', 'money'), col('share', 'percent'), col('year_earlier', 'money'), col('change_pct', 'percent'), col('profit', 'money'), col('profit_share', 'percent'), col('profit_year_earlier', 'money')];
  const title = [t('report.composition_title', { by, from: r.from, to: r.to }), t('report.compared_with', { from: r.compared_with.from, to: r.compared_with.to })];
  return { title, sections: [section(`composition_by_${r.by}`, title[0]!, columns, rows, true)] };
}

/** `crm report receivables`: by rep, then by customer, each with its total. */
export function receivablesLayout(r: ReceivablesReport, t: Translate, lang: Lang): ReportLayout {
  return { title: [t('report.receivables_title', { as_of: r.as_of }), t('report.receivables', { days: r.aging_days })], sections: agingSections(words(t, lang), r, r.totals) };
}

/** `crm report visits`: per rep against the minimums, the customers short, the unapproved. */
export function visitsLayout(r: VisitsReport, t: Translate, lang: Lang): ReportLayout {
  const title = [t('report.visits_title', { month: r.month }), t('report.visits_done_line', { done: r.done.value, previous: r.done.previous, previous_month: r.previous_month })];
  return { title, sections: visitSections(words(t, lang), r, t('report.visits')) };
}

/** `crm report customers`: one table of counts and shares. */
export function customersLayout(r: CustomersReport, t: Translate, lang: Lang): ReportLayout {
  const w = words(t, lang);
  const by = t(`report.dim_${r.by}`);
  const shown = r.by === 'status' ? w.status : r.by === 'source' ? w.source : w.key;
  const title = t('report.customers_title', { by });
  const rows: Cell[][] = [...r.rows.map((x) => [shown(x.key), x.count, x.share]), [w.total, r.total, whole(r.total)]];
  return { title: [title], sections: [section(`customers_by_${r.by}`, title, [{ label: by, kind: 'text' }, w.col('count', 'count'), w.col('share', 'percent')], rows, true)] };
}

/** `crm report referrals` as its JSON document gives it: referrers with ids as people write them. */
export interface ReferralsDoc {
  date: string;
  referrers: { referrer_id: string; referrer: string | null; referred: number; cooperating: number; trade_12m: number; referred_ids: string[] }[];
}

/** A file named by id and name, or by id alone when it lies outside the caller's scope. */
function fileName(t: Translate, id: string, name: string | null): string {
  return `${id} ${name ?? t('show.out_of_scope_name')}`;
}

/** `crm report referrals`: one row per referrer, most referrals first. */
export function referralsLayout(r: ReferralsDoc, t: Translate): ReportLayout {
  const title = t(r.referrers.length ? 'report.referrals_title' : 'report.referrals_none', { date: r.date });
  const columns: Column[] = [
    { label: t('files.col_ref_referrer'), kind: 'text' },
    { label: t('files.col_ref_referred'), kind: 'count' },
    { label: t('files.col_ref_cooperating'), kind: 'count' },
    { label: t('files.col_ref_trade'), kind: 'money' },
    { label: t('files.col_ref_ids'), kind: 'text' },
  ];
  const rows = r.referrers.map((x) => [fileName(t, x.referrer_id, x.referrer), x.referred, x.cooperating, x.trade_12m, x.referred_ids.join(', ')]);
  return { title: [title], sections: [listing('referrals', title, columns, rows)] };
}

/** `crm report kinds`: files of each kind by status, and our trade with them. */
export function kindsLayout(r: { date: string; kinds: KindRow[] }, t: Translate, lang: Lang): ReportLayout {
  const title = t('report.kinds_title', { date: r.date });
  const columns: Column[] = [
    { label: t('files.col_kind'), kind: 'text' },
    { label: t('files.col_files'), kind: 'count' },
    ...STATUSES.map((st): Column => ({ label: optionLabel(STATUSES, st.value, lang), kind: 'count' })),
    { label: t('files.col_ref_trade'), kind: 'money' },
  ];
  const rows = r.kinds.map((k) => [optionLabel(KINDS, k.kind, lang), k.files, ...STATUSES.map((st) => k.statuses[st.value] ?? 0), k.trade_12m]);
  return { title: [title], sections: [section('kinds', title, columns, rows)] };
}

/** `crm report groups`: each parent with its branches' trade rolled up to it, largest first. */
export function groupsLayout(r: { date: string; groups: (Omit<GroupRow, 'head_id'> & { head_id: string })[] }, t: Translate): ReportLayout {
  const title = t(r.groups.length ? 'report.groups_title' : 'report.groups_none', { date: r.date });
  const columns: Column[] = [
    { label: t('files.col_group_head'), kind: 'text' },
    { label: t('files.col_group_files'), kind: 'count' },
    { label: t('files.col_group_head_trade'), kind: 'money' },
    { label: t('files.col_group_group_trade'), kind: 'money' },
  ];
  const rows = r.groups.map((g) => [fileName(t, g.head_id, g.head), g.files, g.head_trade_12m, g.group_trade_12m]);
  return { title: [title], sections: [listing('groups', title, columns, rows)] };
}
