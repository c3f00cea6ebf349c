// The reports for people, drawn from their layout (report-sections.ts): a plain-text document of
// tables (format table) or Markdown (format md). Money through formatMoney in the reader's
// language, differences signed, shares to one decimal; the HTML page shows its cells the same way.
import { formatMoney } from '../domain/money.js';
import { CONTROL_CHARS } from '../domain/text.js';
import type { Lang, Translate } from '../i18n/translate.js';
import type { Cell, Kind, ReportLayout, ReportSection } from './report-sections.js';

/** Draws one table: the terminal's renderTable, or cli-table3 for a file. */
export type TableFn = (head: string[], rows: string[][]) => string;

function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : text;
}

/** Text as it may be shown: a line break or tab (a pasted name) becomes a space, any other control
 * character — an escape sequence that would recolour or clear the terminal, a bell — shows as �. */
function printable(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ').replace(CONTROL_CHARS, '\uFFFD');
}

/** A typed cell as people read it: money in the reader's language, changes signed, shares with %. */
export function shownCell(c: Cell, kind: Kind, lang: Lang): string {
  if (c === null) return kind === 'text' ? '' : '—';
  if (typeof c === 'string') return printable(c);
  switch (kind) {
    case 'money':
      return formatMoney(c, lang);
    case 'money_change':
      return signed(formatMoney(c, lang), c);
    case 'count_change':
      return signed(String(c), c);
    case 'percent':
      return `${c.toFixed(1)}%`;
    default:
      return String(c);
  }
}

interface ShownSection {
  title: string;
  head: string[];
  rows: string[][];
  /** The line under a shortened list: how many files it leaves out, and where they all are. */
  more: string | null;
}

/** What a shortened list says under its rows (nothing for a whole one). */
export function moreRows(s: ReportSection, t: Translate): string | null {
  return s.more ? t('report.more_rows', { n: s.more }) : null;
}

function shownSections(layout: ReportLayout, t: Translate, lang: Lang): ShownSection[] {
  return layout.sections.map((s) => ({
    title: s.title,
    head: s.columns.map((c) => c.label),
    rows: s.rows.map((row) => row.map((c, i) => shownCell(c, s.columns[i]!.kind, lang))),
    more: moreRows(s, t),
  }));
}

/** A one-table report's table is titled like the report: its title is not said twice. */
function ownTitle(layout: ReportLayout, s: ShownSection): boolean {
  return s.title !== layout.title[0];
}

/** The title lines, then each section's title and table (or "(none)"). */
export function renderReportTable(layout: ReportLayout, t: Translate, lang: Lang, table: TableFn): string {
  const parts = [...layout.title];
  for (const s of shownSections(layout, t, lang)) {
    parts.push('', ...(ownTitle(layout, s) ? [s.title] : []));
    parts.push(s.rows.length === 0 ? t('report.none') : table(s.head, s.rows));
    if (s.more) parts.push(s.more);
  }
  return parts.join('\n') + '\n';
}

/** A cell's text as Markdown that shows it as written: a pipe cannot end the cell, and a name
 * cannot become markup when the mail is rendered (<script>, <img …>, [点我](http://…), `code`). */
function mdCell(s: string): string {
  return s.replace(/[\\|<>[\]`]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export function renderReportMarkdown(layout: ReportLayout, t: Translate, lang: Lang): string {
  const [first = '', ...rest] = layout.title;
  const parts = [`# ${mdCell(first)}`, ...rest.flatMap((line) => ['', mdCell(line)])];
  for (const s of shownSections(layout, t, lang)) {
    if (ownTitle(layout, s)) parts.push('', `## ${mdCell(s.title)}`);
    parts.push('');
    if (s.rows.length === 0) {
      parts.push(t('report.none'));
      continue;
    }
    parts.push(`| ${s.head.map(mdCell).join(' | ')} |`, `| ${s.head.map(() => '---').join(' | ')} |`);
    for (const row of s.rows) parts.push(`| ${row.map(mdCell).join(' | ')} |`);
    if (s.more) parts.push('', mdCell(s.more));
  }
  return parts.join('\n') + '\n';
}
