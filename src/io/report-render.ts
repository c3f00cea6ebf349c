// The monthly report for people: a plain-text document of tables (format table) or Markdown
// (format md). Money through formatMoney in the reader's language, shares to one decimal.
import type { Lang, Translate } from '../i18n/translate.js';
import { formatMoney } from '../domain/money.js';
import type { Change, Composition, MonthlyReport } from '../domain/report.js';

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

export function renderReportTable(r: MonthlyReport, t: Translate, lang: Lang, table: TableFn): string {
  const parts = [t('report.title', { month: r.month, previous: r.previous_month }), t('report.as_of', { as_of: r.as_of })];
  for (const s of sections(r, t, lang)) {
    parts.push('', s.title);
    parts.push(s.rows.length === 0 ? t('report.none') : table(s.head, s.rows));
  }
  return parts.join('\n') + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function renderReportMarkdown(r: MonthlyReport, t: Translate, lang: Lang): string {
  const parts = [`# ${mdCell(t('report.title', { month: r.month, previous: r.previous_month }))}`, '', mdCell(t('report.as_of', { as_of: r.as_of }))];
  for (const s of sections(r, t, lang)) {
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
