// The monthly report as one self-contained HTML page: inline CSS and SVG charts, no script, font,
// image or link to fetch (a Content-Security-Policy forbids them too), readable on screen and
// printable on A4. Bars for the compositions, a stacked bar for receivables aging, per-rep visit
// bars, then every section's table. Money as people read it (万 under zh), shares to one decimal.
import { formatMoney } from '../domain/money.js';
import type { MonthlyReport } from '../domain/report.js';
import type { Lang, Translate } from '../i18n/translate.js';
import { moreRows, shownCell } from './report-render.js';
import { AGING, monthlyLayout, shortened, type ReportSection } from './report-sections.js';
import { COLORS, barChart, escapeHtml, stackedBars, targetBars } from './svg-chart.js';

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #111827; max-width: 980px; margin: 24px auto; padding: 0 16px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d1d5db; }
header p, footer, p.none { color: #6b7280; }
section { margin: 22px 0; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 10px; }
svg.chart text { font-size: 12px; fill: #374151; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
table.narrow { width: auto; min-width: 40%; }
th, td { border: 1px solid #e5e7eb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; background: #f9fafb; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}`;

function table(s: ReportSection, t: Translate, lang: Lang): string {
  if (s.rows.length === 0) return `<p class="none">${escapeHtml(t('report.none'))}</p>`;
  const numeric = s.columns.map((c) => (c.kind === 'text' ? '' : ' class="num"'));
  const head = s.columns.map((c, i) => `<th${numeric[i]}>${escapeHtml(c.label)}</th>`).join('');
  const body = s.rows.map((row, r) => {
    const cells = row.map((c, i) => `<td${numeric[i]}>${escapeHtml(shownCell(c, s.columns[i]!.kind, lang))}</td>`).join('');
    return `<tr${s.total && r === s.rows.length - 1 ? ' class="total"' : ''}>${cells}</tr>`;
  });
  const more = moreRows(s, t);
  // A two-column list stretched across the page is hard to read across.
  return `<table${s.columns.length <= 2 ? ' class="narrow"' : ''}><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${more ? `<p class="none">${escapeHtml(more)}</p>` : ''}`;
}

/** The chart drawn above a section's table, if it has one and something to show. */
function chart(s: ReportSection, r: MonthlyReport, t: Translate, lang: Lang): string {
  const money = (x: number) => formatMoney(x, lang);
  const who = (x: string | null) => x ?? t('report.no_owner');
  if (s.id in r.composition) {
    const rows = r.composition[s.id as keyof MonthlyReport['composition']].rows;
    if (!rows.some((x) => x.amount !== 0 || x.previous !== 0)) return '';
    const names = { now: t('report_pages.legend_month', { month: r.month }), previous: t('report_pages.legend_previous', { month: r.previous_month }) };
    const bars = rows.map((x) => ({
      label: x.key === 'none' ? t('report.key_none') : x.key,
      value: x.amount,
      previous: x.previous,
      text: x.share === null ? money(x.amount) : `${money(x.amount)} · ${shownCell(x.share, 'percent', lang)}`,
    }));
    return barChart(s.title, bars, names);
  }
  if (s.id === 'receivables') {
    const rc = r.receivables;
    const totals = AGING.map((k) => rc.totals[k].value);
    if (!totals.some((x) => x > 0)) return '';
    const row = (label: string, parts: number[]) => ({ label, parts, text: money(parts.reduce((a, b) => a + b, 0)) });
    const parts = AGING.map((k, i) => ({ name: t(`report.col_${k}`), color: [COLORS.now, COLORS.short, COLORS.negative][i]! }));
    return stackedBars(s.title, [row(t('report.total'), totals), ...rc.by_rep.map((x) => row(who(x.rep), AGING.map((k) => x[k])))], parts);
  }
  if (s.id === 'visits_by_rep') {
    const reps = r.visits.by_rep;
    if (!reps.some((x) => x.required > 0 || x.done > 0)) return '';
    const rows = reps.map((x) => ({ label: who(x.rep), done: x.done, target: x.required, text: `${x.done} / ${x.required}` }));
    return targetBars(s.title, rows, { done: t('report_pages.visits_done'), target: t('report_pages.visits_required') });
  }
  return '';
}

/** The page; each list of files shows its first `listed` rows (see shortened). */
export function renderReportHtml(r: MonthlyReport, t: Translate, lang: Lang, listed: number): string {
  const layout = shortened(monthlyLayout(r, t, lang), listed);
  const [title = '', asOf = ''] = layout.title;
  const sections = layout.sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${chart(s, r, t, lang)}${table(s, t, lang)}</section>`);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(asOf)}</p></header>
<main>
${sections.join('\n')}
</main>
<footer>${escapeHtml(t('report_pages.generated'))}</footer>
</body>
</html>
`;
}
