// The monthly report laid out as named sections of typed cells: one layout for the CSV files
// (raw numbers, one file per section, named by the section's id) and the HTML page (numbers in
// human form). Cells stay numbers here; each renderer decides how a kind of number is shown.
import type { Translate } from '../i18n/translate.js';
import type { Change, Composition, MonthlyReport } from '../domain/report.js';

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
}

const COMPOSITIONS = ['revenue_by_grade', 'revenue_by_business_line', 'revenue_by_region', 'profit_by_grade'] as const;
const AGING = ['due_this_month', 'overdue', 'over_aging'] as const;

export function reportSections(r: MonthlyReport, t: Translate): ReportSection[] {
  const key = (k: string) => (k === 'none' ? t('report.key_none') : k);
  const who = (s: string | null) => s ?? t('report.no_owner');
  const col = (label: string, kind: Kind = 'text'): Column => ({ label, kind });
  const id = col(t('report.col_id'));
  const name = col(t('report.col_name'));
  const owner = col(t('report.col_owner'));
  const out: ReportSection[] = [];
  const add = (s: Omit<ReportSection, 'total'> & { total?: boolean }) => out.push({ total: false, ...s });

  const composition = (sectionId: (typeof COMPOSITIONS)[number], c: Composition) =>
    add({
      id: sectionId,
      title: t(`report.${sectionId}`),
      columns: [
        col(t('report.col_item')),
        col(t('report.col_amount'), 'money'),
        col(t('report.col_share'), 'percent'),
        col(t('report.col_previous'), 'money'),
        col(t('report.col_previous_share'), 'percent'),
        col(t('report.col_change'), 'money_change'),
        col(t('report.col_change_pct'), 'percent'),
      ],
      rows: [
        ...c.rows.map((x) => [key(x.key), x.amount, x.share, x.previous, x.previous_share, x.change, x.change_pct]),
        [t('report.total'), c.total.value, c.total.value > 0 ? 100 : null, c.total.previous, c.total.previous > 0 ? 100 : null, c.total.change, c.total.change_pct],
      ],
      total: true,
    });
  for (const k of COMPOSITIONS) composition(k, r.composition[k]);

  const figures = (kind: 'count' | 'money') => [
    col(t('report.col_item')),
    col(t('report.col_value'), kind),
    col(t('report.col_prev_value'), kind),
    col(t('report.col_change'), kind === 'money' ? 'money_change' : 'count_change'),
  ];
  const figure = (label: string, c: Change): Cell[] => [label, c.value, c.previous, c.change];
  const cu = r.customers;
  add({
    id: 'customers',
    title: t('report.customers'),
    columns: figures('count'),
    rows: [figure(t('report.new_customers'), cu.new), figure(t('report.churned'), cu.churned.count), figure(t('report.grade_changes'), cu.grade_changes.count)],
  });
  const counts = (sectionId: string, title: string, label: string, rows: { key: string; count: number }[], total?: number) =>
    add({
      id: sectionId,
      title,
      columns: [col(label), col(t('report.col_count'), 'count')],
      rows: [...rows.map((x) => [key(x.key), x.count]), ...(total === undefined ? [] : [[t('report.total'), total]])],
      total: total !== undefined,
    });
  counts('customers_by_status', t('report.by_status'), t('report.col_status'), cu.by_status, cu.total);
  counts('customers_by_grade', t('report.by_grade'), t('report.col_grade'), cu.by_grade, cu.total);
  add({
    id: 'churned',
    title: t('report.churned'),
    columns: [id, name, owner, col(t('report.col_date')), col(t('report.col_reason'))],
    rows: cu.churned.customers.map((x) => [x.id, x.name, who(x.owner), x.churned_on, x.reason]),
  });
  add({
    id: 'grade_changes',
    title: t('report.grade_changes'),
    columns: [id, name, owner, col(t('report.col_date')), col(t('report.col_from')), col(t('report.col_to'))],
    rows: cu.grade_changes.changes.map((x) => [x.id, x.name, who(x.owner), x.changed_on, key(x.from ?? 'none'), key(x.to ?? 'none')]),
  });

  const rc = r.receivables;
  const agingColumns = AGING.map((k) => col(t(`report.col_${k}`), 'money'));
  add({
    id: 'receivables',
    title: t('report.receivables', { days: rc.aging_days }),
    columns: figures('money'),
    rows: AGING.map((k) => figure(t(`report.col_${k}`), rc.totals[k])),
  });
  add({
    id: 'receivables_by_rep',
    title: t('report.receivables_by_rep'),
    columns: [col(t('report.col_rep')), ...agingColumns],
    rows: rc.by_rep.map((x) => [who(x.rep), ...AGING.map((k) => x[k])]),
  });
  add({
    id: 'receivables_by_customer',
    title: t('report.receivables_by_customer'),
    columns: [id, name, owner, ...agingColumns],
    rows: rc.by_customer.map((x) => [x.id, x.name, who(x.owner), ...AGING.map((k) => x[k])]),
  });

  const v = r.visits;
  add({ id: 'visits', title: t('report.visits'), columns: figures('count'), rows: [figure(t('report_pages.visits_done'), v.done)] });
  add({
    id: 'visits_by_rep',
    title: t('report_pages.visits_by_rep'),
    columns: [col(t('report.col_rep')), col(t('report.col_customers'), 'count'), col(t('report.col_required'), 'count'), col(t('report.col_done'), 'count'), col(t('report.col_short'), 'count')],
    rows: [
      ...v.by_rep.map((x) => [who(x.rep), x.customers, x.required, x.done, x.customers_short]),
      [t('report.total'), v.by_rep.reduce((a, x) => a + x.customers, 0), v.required, v.done.value, v.customers_short],
    ],
    total: true,
  });
  add({
    id: 'visits_short',
    title: t('report.visits_short'),
    columns: [id, name, owner, col(t('report.col_status')), col(t('report.col_grade')), col(t('report.col_minimum'), 'count'), col(t('report.col_done'), 'count')],
    rows: v.short.map((x) => [x.id, x.name, who(x.owner), x.status, x.grade, x.minimum, x.done]),
  });
  add({
    id: 'visits_unapproved',
    title: t('report.unapproved'),
    columns: [col(t('report.col_rep')), col(t('report.col_count'), 'count')],
    rows: [...v.unapproved.by_rep.map((x) => [x.rep, x.count]), [t('report.total'), v.unapproved.count]],
    total: true,
  });

  add({
    id: 'contracts_missing',
    title: t('report.contracts'),
    columns: [id, name, col(t('report.col_grade')), owner],
    rows: r.contracts.missing.map((x) => [x.id, x.name, x.grade, who(x.owner)]),
  });

  add({
    id: 'credit_distribution',
    title: t('report.credit'),
    columns: [col(t('report.col_rating')), col(t('report.col_count'), 'count')],
    rows: r.credit.distribution.map((x) => [x.key, x.count]),
  });
  add({
    id: 'credit_downgraded',
    title: t('report.credit_downgraded'),
    columns: [id, name, owner, col(t('report.col_date')), col(t('report.col_from')), col(t('report.col_to'))],
    rows: r.credit.downgraded.map((x) => [x.id, x.name, who(x.owner), x.rated_on, x.from, x.to]),
  });

  const dq = r.data_quality;
  add({
    id: 'data_quality',
    title: t('report.data_quality'),
    columns: [col(t('report.col_item')), col(t('report.col_count'), 'count')],
    rows: [
      [t('report.unverified'), dq.unverified],
      [t('report.stale', { date: dq.stale_before }), dq.stale],
      [t('report.ab_few_staff'), dq.ab_few_staff.length],
    ],
  });
  add({
    id: 'data_quality_ab_few_staff',
    title: t('report.ab_few_staff'),
    columns: [id, name, col(t('report.col_grade')), owner, col(t('report.col_staff'), 'count')],
    rows: dq.ab_few_staff.map((x) => [x.id, x.name, x.grade, who(x.owner), x.staff]),
  });
  return out;
}
