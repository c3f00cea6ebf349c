// The reports as CSV for a spreadsheet: a single report's one section as a file, and the monthly
// report as one file per section, named after the month and the section (2026-10-revenue_by_grade.csv).
// Figures are raw numbers (38333, 52.2, -2000: no thousands separators, no 万), text is
// neutralised, as in every CSV crm writes (io/csv-safe.ts).
import type { MonthlyReport } from '../domain/report.js';
import type { Lang, Translate } from '../i18n/translate.js';
import { safeCsv } from './csv-safe.js';
import { reportSections, type Column, type ReportSection } from './report-sections.js';

export interface CsvFile {
  name: string;
  text: string;
}

/** One section as a CSV file: its columns' labels (or `header`'s), then its rows. */
export function sectionCsv(s: ReportSection, header: (c: Column) => string = (c) => c.label): string {
  return safeCsv(s.columns.map(header), s.rows);
}

/** The monthly files name the unit in the header, since their figures are raw. */
function withUnit(c: Column, t: Translate): string {
  if (c.kind === 'money' || c.kind === 'money_change') return t('report_pages.csv_money', { label: c.label });
  // "Change %" already says it.
  if (c.kind === 'percent' && !c.label.includes('%')) return t('report_pages.csv_percent', { label: c.label });
  return c.label;
}

/** Every section, an empty one as its header alone: a cron job always finds the same files. */
export function renderReportCsv(r: MonthlyReport, t: Translate, lang: Lang): CsvFile[] {
  return reportSections(r, t, lang).map((s) => ({ name: `${r.month}-${s.id}.csv`, text: sectionCsv(s, (c) => withUnit(c, t)) }));
}
