// A report as one Excel workbook, for the manager who works on the figures: a first sheet with the
// report's title lines, then one sheet per section, every row (lists are not shortened), numbers
// as numbers in their formats — money 1,234.00, shares 45.3% — so they sum and chart in Excel.
import type { Translate } from '../i18n/translate.js';
import type { Kind, ReportLayout, ReportSection } from './report-sections.js';
import { MONEY_FORMAT, xlsxBytes, type Sheet, type SheetValue } from './xlsx.js';

const FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  count_change: '+#,##0;-#,##0;0',
  money: MONEY_FORMAT,
  money_change: `+${MONEY_FORMAT};-${MONEY_FORMAT};0.00`,
  percent: '0.0%',
};

function sheetOf(s: ReportSection): Sheet {
  // A share of 45.3 (per cent) is the number 0.453 to Excel, shown 45.3% by its format.
  const rows = s.rows.map((row) => row.map((c, i): SheetValue => (typeof c === 'number' && s.columns[i]!.kind === 'percent' ? c / 100 : c)));
  return { name: s.title, head: s.columns.map((c) => c.label), rows, formats: s.columns.map((c) => FORMATS[c.kind]) };
}

export function reportWorkbook(layout: ReportLayout, t: Translate): Promise<Uint8Array> {
  const about: Sheet = { name: t('report_pages.xlsx_about'), head: [layout.title[0] ?? ''], rows: layout.title.slice(1).map((line) => [line]) };
  return xlsxBytes([about, ...layout.sections.map(sheetOf)]);
}
