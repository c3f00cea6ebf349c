// What every report command shares on the way out: the format (chosen, or from --out's extension)
// and files written whole or not at all, so that a cron job never leaves half a report.
import { extname } from 'node:path';
import { indentsDocument, print, printJson, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { namesDirectory, refuseBytesOnTerminal, writeFilesAtomically } from '../../io/atomic-files.js';
import { LISTED_ROWS, shortened, type ReportLayout, type ReportSection } from '../../io/report-sections.js';
import type { TableFn } from '../../io/report-render.js';

export const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const BY_EXTENSION: Record<string, Format> = { '.json': 'json', '.md': 'md', '.markdown': 'md', '.txt': 'table', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx' };

export interface OutputOptions {
  format?: string;
  out?: string;
  json?: boolean;
  /** Every file of each list in the human formats, not the first LISTED_ROWS. */
  allRows?: boolean;
}

/** How many files each list shows in a human format. */
export function listedRows(o: OutputOptions): number {
  return o.allRows ? Infinity : LISTED_ROWS;
}

/** The format asked for, or --out's; `offered` are the report's own (all of them by default). */
export function chooseFormat(ctx: Context, o: OutputOptions, offered: readonly Format[] = FORMATS): Format {
  const f = pickFormat(o);
  if (!offered.includes(f)) throw new UsageError('report.format_not_offered', { format: f, offered: offered.join(', ') });
  if (f === 'xlsx') refuseBytesOnTerminal(ctx, o.out);
  return f;
}

function pickFormat(o: OutputOptions): Format {
  if (o.format !== undefined) {
    const f = o.format.trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError('report.bad_format', { value: o.format });
    // Without --out, --json means the report itself in JSON on stdout.
    if (o.json && o.out === undefined && f !== 'json') throw new UsageError('report_pages.json_with_format', { format: f });
    return f as Format;
  }
  if (o.out !== undefined) {
    const ext = extname(o.out).toLowerCase();
    if (namesDirectory(o.out)) return 'csv';
    if (Object.hasOwn(BY_EXTENSION, ext)) return BY_EXTENSION[ext]!;
    // 月报.pdf would get a text table under a name that promises something else: say so instead.
    if (ext !== '') throw new UsageError('report.unknown_extension', { path: o.out, extensions: Object.keys(BY_EXTENSION).join(' ') });
    return 'table';
  }
  return o.json ? 'json' : 'table';
}

/** Tables for the terminal (colour and tabs as renderTable decides), or plain boxes in a file. */
export async function tableFor(ctx: Context, toFile: boolean): Promise<TableFn> {
  if (toFile) {
    const { default: Table } = await import('cli-table3');
    return (head, rows) => {
      const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true });
      table.push(...rows);
      return table.toString();
    };
  }
  const { renderTable } = await import('../../io/table.js');
  return (head, rows) => renderTable(ctx, head, rows);
}

/** The report as one text: its JSON document (every row; indented only for a terminal, see
 * indentsDocument), or its layout as tables or Markdown with each list shortened unless --all-rows
 * (laid out only then: the monthly report's layout costs tens of milliseconds that JSON does not
 * need). */
export async function reportText(ctx: Context, format: 'json' | 'md' | 'table', doc: object, layoutOf: () => ReportLayout, o: OutputOptions): Promise<string> {
  if (format === 'json') return (indentsDocument(ctx, o.out) ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)) + '\n';
  const layout = shortened(layoutOf(), listedRows(o));
  const r = await import('../../io/report-render.js');
  if (format === 'md') return r.renderReportMarkdown(layout, ctx.t, ctx.lang);
  return r.renderReportTable(layout, ctx.t, ctx.lang, await tableFor(ctx, o.out !== undefined));
}

/** Prints the text (a workbook's bytes go to the pipe as they are), or writes it to --out
 * atomically (with --json, the file written is listed). */
export function emit(ctx: Context, o: OutputOptions, text: string | Uint8Array): void {
  if (o.out === undefined) return void (typeof text === 'string' ? print(ctx, text) : ctx.io.stdout.write(text));
  writeFilesAtomically([{ path: o.out, text }]);
  if (o.json) printJson(ctx, { files: [o.out] });
}

/** A report of a few tables: its JSON document, its layout, and the one section that is its CSV. */
export interface TabularReport {
  doc: object;
  layout: ReportLayout;
  csv: ReportSection;
}

/** The formats of a report of a few tables (no HTML page). */
export const TABULAR_FORMATS: readonly Format[] = ['table', 'md', 'json', 'csv', 'xlsx'];

/** The report in its format (csv: its one CSV section; xlsx: a workbook of every section), printed
 * or written to --out. */
export async function deliver(ctx: Context, o: OutputOptions, format: Format, report: TabularReport): Promise<void> {
  if (format === 'xlsx') return emit(ctx, o, await (await import('../../io/report-xlsx.js')).reportWorkbook(report.layout, ctx.t));
  const text =
    format === 'csv'
      ? (await import('../../io/report-csv.js')).sectionCsv(report.csv)
      : await reportText(ctx, format as 'json' | 'md' | 'table', report.doc, () => report.layout, o);
  emit(ctx, o, text);
}
