// The monthly report as CSV files for a spreadsheet, one per section, named after the month and
// the section (2026-10-revenue_by_grade.csv). Figures are raw numbers (38333, 52.2: no thousands
// separators, no 万), so the header names the unit; text is neutralised as in every CSV crm writes.
import { stringify } from 'csv-stringify/sync';
import type { MonthlyReport } from '../domain/report.js';
import type { Translate } from '../i18n/translate.js';
import { safeCell } from './csv-safe.js';
import { reportSections, type Cell, type Column } from './report-sections.js';

export interface CsvFile {
  name: string;
  text: string;
}

function header(c: Column, t: Translate): string {
  if (c.kind === 'money' || c.kind === 'money_change') return t('report_pages.csv_money', { label: c.label });
  // "Change %" already says it.
  if (c.kind === 'percent' && !c.label.includes('%')) return t('report_pages.csv_percent', { label: c.label });
  return c.label;
}

/** A number stays a number: -2000 cannot carry a formula, and as text ('-2000) it could not be summed. */
function cell(c: Cell): string {
  return typeof c === 'number' ? String(c) : safeCell(c);
}

/** BOM (Excel then reads UTF-8) and CRLF line ends, as io/csv-safe.ts writes them. */
function csvText(head: string[], rows: Cell[][]): string {
  return '\uFEFF' + stringify([head.map(safeCell), ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows' });
}

/** Every section, an empty one as its header alone: a cron job always finds the same files. */
export function renderReportCsv(r: MonthlyReport, t: Translate): CsvFile[] {
  return reportSections(r, t).map((s) => ({
    name: `${r.month}-${s.id}.csv`,
    text: csvText(
      s.columns.map((c) => header(c, t)),
      s.rows,
    ),
  }));
}
