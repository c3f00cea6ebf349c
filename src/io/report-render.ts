// The reports for people: a plain-text document of tables (format table) or Markdown (format md);
// and the single reports (composition, receivables, visits, customers) as typed sections, which
// are also their CSV. Money through formatMoney in the reader's language, shares to one decimal.
import { stringify } from 'csv-stringify/sync';
import type { Lang, Translate } from '../i18n/translate.js';
import { formatMoney } from '../domain/money.js';
import type {
  AgingAmounts,
  Change,
  Composition,
  CompositionReport,
  CustomersReport,
  MonthlyReport,
  ReceivablesReport,
  VisitsReport,
} from '../domain/report.js';
import { safeCell } from './csv-safe.js';
import type { Cell, Column, Kind, ReportSection } from './report-sections.js';

interface Section {
  title: string;
  head: string[];
  rows: string[][];
}

/** Draws one table: the terminal's renderTable, or cli-table3 for a file. */
export type TableFn = (head: string[], rows: string[][]) => string;

function pct(x: number | null): string {
  return x === null ? '—' : `${x.toFixed(1)}%`;
}

function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : text;
}

function sections(r: MonthlyReport, t: Translate, lang: Lang): Section[] {
  const money = (x: number) => formatMoney(x, lang);
  const key = (k: string) => (k === 'none' ? t('report.key_none') : k);
  const who = (s: string | null) => s ?? t('report.no_owner');
  const out: Section[] = [];
  const comp = (title: string, c: Composition) =>
    out.push({
      title,
      head: ['item', 'amount', 'share', 'previous', 'previous_share', 'change', 'change_pct'].map((k) => t(`report.col_${k}` as 'report.col_item')),
      rows: [
        ...c.rows.map((x) => [key(x.key), money(x.amount), pct(x.share), money(x.previous), pct(x.previous_share), signed(money(x.change), x.change), pct(x.change_pct)]),
        [t('report.total'), money(c.total.value), c.total.value > 0 ? '100.0%' : '—', money(c.total.previous), c.total.previous > 0 ? '100.0%' : '—', signed(money(c.total.change), c.total.change), pct(c.total.change_pct)],
      ],
    });
  comp(t('report.revenue_by_grade'), r.composition.revenue_by_grade);
  comp(t('report.revenue_by_business_line'), r.composition.revenue_by_business_line);
  comp(t('report.revenue_by_region'), r.composition.revenue_by_region);
  comp(t('report.profit_by_grade'), r.composition.profit_by_grade);

  const figHead = [t('report.col_item'), t('report.col_value'), t('report.col_prev_value'), t('report.col_change')];
  const fig = (label: string, c: Change, fmt: (x: number) => string = String) => [label, fmt(c.value), fmt(c.previous), signed(fmt(c.change), c.change)];
  const cu = r.customers;
  out.push({
    title: t('report.customers'),
    head: figHead,
    rows: [
      fig(t('report.new_customers'), cu.new),
      fig(t('report.churned'), cu.churned.count),
      fig(t('report.grade_changes'), cu.grade_changes.count),
    ],
  });
  out.push({ title: t('report.by_status'), head: [t('report.col_status'), t('report.col_count')], rows: [...cu.by_status.map((x) => [x.key, String(x.count)]), [t('report.total'), String(cu.total)]] });
  out.push({ title: t('report.by_grade'), head: [t('report.col_grade'), t('report.col_count')], rows: cu.by_grade.map((x) => [key(x.key), String(x.count)]) });
  out.push({
    title: t('report.churned'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_owner'), t('report.col_date'), t('report.col_reason')],
    rows: cu.churned.customers.map((x) => [x.id, x.name, who(x.owner), x.churned_on, x.reason ?? '']),
  });
  out.push({
    title: t('report.grade_changes'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_owner'), t('report.col_date'), t('report.col_from'), t('report.col_to')],
    rows: cu.grade_changes.changes.map((x) => [x.id, x.name, who(x.owner), x.changed_on, key(x.from ?? 'none'), key(x.to ?? 'none')]),
  });

  const rc = r.receivables;
  const aging = ['due_this_month', 'overdue', 'over_aging'] as const;
  out.push({ title: t('report.receivables', { days: rc.aging_days }), head: figHead, rows: aging.map((k) => fig(t(`report.col_${k}`), rc.totals[k], money)) });
  const agingHead = aging.map((k) => t(`report.col_${k}`));
  out.push({ title: t('report.receivables_by_rep'), head: [t('report.col_rep'), ...agingHead], rows: rc.by_rep.map((x) => [who(x.rep), ...aging.map((k) => money(x[k]))]) });
  out.push({
    title: t('report.receivables_by_customer'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_owner'), ...agingHead],
    rows: rc.by_customer.map((x) => [x.id, x.name, who(x.owner), ...aging.map((k) => money(x[k]))]),
  });

  const v = r.visits;
  out.push({
    title: t('report.visits'),
    head: [t('report.col_rep'), t('report.col_customers'), t('report.col_required'), t('report.col_done'), t('report.col_short')],
    rows: [
      ...v.by_rep.map((x) => [who(x.rep), String(x.customers), String(x.required), String(x.done), String(x.customers_short)]),
      [t('report.total'), String(v.by_rep.reduce((a, x) => a + x.customers, 0)), String(v.required), `${v.done.value} (${t('report.col_prev_value')} ${v.done.previous})`, String(v.customers_short)],
    ],
  });
  out.push({
    title: t('report.visits_short'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_owner'), t('report.col_status'), t('report.col_grade'), t('report.col_minimum'), t('report.col_done')],
    rows: v.short.map((x) => [x.id, x.name, who(x.owner), x.status, x.grade, String(x.minimum), String(x.done)]),
  });
  out.push({ title: `${t('report.unapproved')}: ${v.unapproved.count}`, head: [t('report.col_rep'), t('report.col_count')], rows: v.unapproved.by_rep.map((x) => [x.rep, String(x.count)]) });

  out.push({
    title: `${t('report.contracts')}: ${r.contracts.count}`,
    head: [t('report.col_id'), t('report.col_name'), t('report.col_grade'), t('report.col_owner')],
    rows: r.contracts.missing.map((x) => [x.id, x.name, x.grade, who(x.owner)]),
  });

  out.push({ title: t('report.credit'), head: [t('report.col_rating'), t('report.col_count')], rows: r.credit.distribution.map((x) => [x.key, String(x.count)]) });
  out.push({
    title: t('report.credit_downgraded'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_owner'), t('report.col_date'), t('report.col_from'), t('report.col_to')],
    rows: r.credit.downgraded.map((x) => [x.id, x.name, who(x.owner), x.rated_on, x.from, x.to]),
  });

  const dq = r.data_quality;
  out.push({
    title: t('report.data_quality'),
    head: [t('report.col_item'), t('report.col_count')],
    rows: [
      [t('report.unverified'), String(dq.unverified)],
      [t('report.stale', { date: dq.stale_before }), String(dq.stale)],
      [t('report.ab_few_staff'), String(dq.ab_few_staff.length)],
    ],
  });
  out.push({
    title: t('report.ab_few_staff'),
    head: [t('report.col_id'), t('report.col_name'), t('report.col_grade'), t('report.col_owner'), t('report.col_staff')],
    rows: dq.ab_few_staff.map((x) => [x.id, x.name, x.grade, who(x.owner), String(x.staff)]),
  });
  return out;
}

/** The title lines, then each section's title and table (or "(none)"). */
function tableDocument(title: string[], sections: Section[], t: Translate, table: TableFn): string {
  const parts = [...title];
  for (const s of sections) {
    parts.push('', s.title);
    parts.push(s.rows.length === 0 ? t('report.none') : table(s.head, s.rows));
  }
  return parts.join('\n') + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function markdownDocument(title: string[], sections: Section[], t: Translate): string {
  const parts = [`# ${mdCell(title[0] ?? '')}`, ...title.slice(1).flatMap((line) => ['', mdCell(line)])];
  for (const s of sections) {
    parts.push('', `## ${mdCell(s.title)}`, '');
    if (s.rows.length === 0) {
      parts.push(t('report.none'));
      continue;
    }
    parts.push(`| ${s.head.map(mdCell).join(' | ')} |`, `| ${s.head.map(() => '---').join(' | ')} |`);
    for (const row of s.rows) parts.push(`| ${row.map(mdCell).join(' | ')} |`);
  }
  return parts.join('\n') + '\n';
}

function monthlyTitle(r: MonthlyReport, t: Translate): string[] {
  return [t('report.title', { month: r.month, previous: r.previous_month }), t('report.as_of', { as_of: r.as_of })];
}

export function renderReportTable(r: MonthlyReport, t: Translate, lang: Lang, table: TableFn): string {
  return tableDocument(monthlyTitle(r, t), sections(r, t, lang), t, table);
}

export function renderReportMarkdown(r: MonthlyReport, t: Translate, lang: Lang): string {
  return markdownDocument(monthlyTitle(r, t), sections(r, t, lang), t);
}

/** A typed cell as people read it: money in the reader's language, changes signed, shares with %. */
export function shownCell(c: Cell, kind: Kind, lang: Lang): string {
  if (c === null) return kind === 'text' ? '' : '—';
  if (typeof c === 'string') return c;
  switch (kind) {
    case 'money':
      return formatMoney(c, lang);
    case 'money_change':
      return signed(formatMoney(c, lang), c);
    case 'count_change':
      return signed(String(c), c);
    case 'percent':
      return pct(c);
    default:
      return String(c);
  }
}

function shownSections(sections: ReportSection[], lang: Lang): Section[] {
  return sections.map((s) => ({ title: s.title, head: s.columns.map((c) => c.label), rows: s.rows.map((row) => row.map((c, i) => shownCell(c, s.columns[i]!.kind, lang))) }));
}

export function renderSectionsTable(title: string[], sections: ReportSection[], t: Translate, lang: Lang, table: TableFn): string {
  return tableDocument(title, shownSections(sections, lang), t, table);
}

export function renderSectionsMarkdown(title: string[], sections: ReportSection[], t: Translate, lang: Lang): string {
  return markdownDocument(title, shownSections(sections, lang), t);
}

/** One section as a CSV file for a spreadsheet: BOM and CRLF (io/csv-safe.ts), numbers raw (a
 * number carries no formula, and as text it could not be summed), text neutralised. */
export function renderSectionCsv(s: ReportSection): string {
  const cells = [s.columns.map((c) => safeCell(c.label)), ...s.rows.map((row) => row.map((c) => (typeof c === 'number' ? String(c) : safeCell(c))))];
  return '\uFEFF' + stringify(cells, { record_delimiter: 'windows' });
}

const AGING = ['due_this_month', 'overdue', 'over_aging'] as const;

function columns(t: Translate) {
  const col = (label: string, kind: Kind = 'text'): Column => ({ label, kind });
  return { col, id: col(t('report.col_id')), name: col(t('report.col_name')), owner: col(t('report.col_owner')), rep: col(t('report.col_rep')) };
}

function section(id: string, title: string, cols: Column[], rows: Cell[][], total = false): ReportSection {
  return { id, title, columns: cols, rows, total };
}

/** `crm report composition`: one table, each key's revenue and gross profit with their shares. */
export function compositionSections(r: CompositionReport, t: Translate): { title: string[]; sections: ReportSection[] } {
  const { col } = columns(t);
  const key = (k: string) => (k === 'none' ? t('report.key_none') : k);
  const profit = new Map(r.profit.rows.map((x) => [x.key, x]));
  const rows: Cell[][] = r.revenue.rows.map((x) => {
    const p = profit.get(x.key)!;
    return [key(x.key), x.amount, x.share, x.previous, x.change_pct, p.amount, p.share, p.previous];
  });
  const [rt, pt] = [r.revenue.total, r.profit.total];
  rows.push([t('report.total'), rt.value, rt.value > 0 ? 100 : null, rt.previous, rt.change_pct, pt.value, pt.value > 0 ? 100 : null, pt.previous]);
  const cols = [
    col(t(`report.dim_${r.by}`)),
    col(t('report.col_revenue'), 'money'),
    col(t('report.col_share'), 'percent'),
    col(t('report.col_year_earlier'), 'money'),
    col(t('report.col_change_pct'), 'percent'),
    col(t('report.col_profit'), 'money'),
    col(t('report.col_profit_share'), 'percent'),
    col(t('report.col_profit_year_earlier'), 'money'),
  ];
  const title = [t('report.composition_title', { by: t(`report.dim_${r.by}`), from: r.from, to: r.to }), t('report.compared_with', { from: r.compared_with.from, to: r.compared_with.to })];
  return { title, sections: [section(`composition_by_${r.by}`, title[0]!, cols, rows, true)] };
}

function agingRow(a: AgingAmounts): number[] {
  return AGING.map((k) => a[k]);
}

/** `crm report receivables`: by rep, then by customer, each with its total. */
export function receivablesSections(r: ReceivablesReport, t: Translate): { title: string[]; sections: ReportSection[] } {
  const { col, id, name, owner, rep } = columns(t);
  const who = (s: string | null) => s ?? t('report.no_owner');
  const aging = AGING.map((k) => col(t(`report.col_${k}`), 'money'));
  const total = [t('report.total'), ...agingRow(r.totals)];
  return {
    title: [t('report.receivables_title', { as_of: r.as_of }), t('report.receivables', { days: r.aging_days })],
    sections: [
      section('receivables_by_rep', t('report.receivables_by_rep'), [rep, ...aging], [...r.by_rep.map((x) => [who(x.rep), ...agingRow(x)]), total], true),
      section(
        'receivables_by_customer',
        t('report.receivables_by_customer'),
        [id, name, owner, ...aging],
        [...r.by_customer.map((x) => [x.id, x.name, who(x.owner), ...agingRow(x)]), [t('report.total'), '', '', ...agingRow(r.totals)]],
        true,
      ),
    ],
  };
}

/** `crm report visits`: per rep against the minimums, the customers short, the unapproved. */
export function visitsSections(r: VisitsReport, t: Translate): { title: string[]; sections: ReportSection[] } {
  const { col, id, name, owner, rep } = columns(t);
  const who = (s: string | null) => s ?? t('report.no_owner');
  const count = (label: string) => col(label, 'count');
  return {
    title: [t('report.visits_title', { month: r.month }), t('report.visits_done_line', { done: r.done.value, previous: r.done.previous, previous_month: r.previous_month })],
    sections: [
      section(
        'visits_by_rep',
        t('report.visits'),
        [rep, count(t('report.col_customers')), count(t('report.col_required')), count(t('report.col_done')), count(t('report.col_short'))],
        [
          ...r.by_rep.map((x) => [who(x.rep), x.customers, x.required, x.done, x.customers_short]),
          [t('report.total'), r.by_rep.reduce((a, x) => a + x.customers, 0), r.required, r.done.value, r.customers_short],
        ],
        true,
      ),
      section(
        'visits_short',
        t('report.visits_short'),
        [id, name, owner, col(t('report.col_status')), col(t('report.col_grade')), count(t('report.col_minimum')), count(t('report.col_done'))],
        r.short.map((x) => [x.id, x.name, who(x.owner), x.status, x.grade, x.minimum, x.done]),
      ),
      section('visits_unapproved', t('report.unapproved'), [rep, count(t('report.col_count'))], [...r.unapproved.by_rep.map((x) => [x.rep, x.count]), [t('report.total'), r.unapproved.count]], true),
    ],
  };
}

/** `crm report customers`: one table of counts and shares. */
export function customersSections(r: CustomersReport, t: Translate): { title: string[]; sections: ReportSection[] } {
  const { col } = columns(t);
  const key = (k: string) => (k === 'none' ? t('report.key_none') : k);
  const title = t('report.customers_title', { by: t(`report.dim_${r.by}`) });
  const rows: Cell[][] = [...r.rows.map((x) => [key(x.key), x.count, x.share]), [t('report.total'), r.total, r.total > 0 ? 100 : null]];
  return { title: [title], sections: [section(`customers_by_${r.by}`, title, [col(t(`report.dim_${r.by}`)), col(t('report.col_count'), 'count'), col(t('report.col_share'), 'percent')], rows, true)] };
}
