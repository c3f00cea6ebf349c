// A report as one Excel workbook, for the manager who works on the figures: a first sheet with the
// report's title lines (and the whole title of each section its tab had to shorten), then one sheet
// per section, every row (lists are not shortened), numbers as numbers in their formats — money
// 1,234.00, shares 45.3% — so they sum and chart in Excel.
import type { Translate } from '../i18n/translate.js';
import type { Kind, ReportLayout, ReportSection } from './report-sections.js';
import { MONEY_FORMAT, sheetNames, xlsxBytes, type Sheet, type SheetValue } from './xlsx.js';

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
  const aboutName = t('report_pages.xlsx_about');
  const sections = layout.sections.map(sheetOf);
  // A title longer than a sheet's tab holds (31 characters) is given whole on the first sheet,
  // beside the tab's shortened name: the sheet itself starts with its header row.
  const tabs = sheetNames([aboutName, ...sections.map((s) => s.name)]).slice(1);
  const shortened = sections.flatMap((s, i) => (tabs[i] === s.name ? [] : [[tabs[i]!, s.name]]));
  const lines = layout.title.slice(1).map((line) => [line]);
  const about: Sheet = { name: aboutName, head: [layout.title[0] ?? ''], rows: shortened.length ? [...lines, [null], ...shortened] : lines };
  return xlsxBytes([about, ...sections]);
}
