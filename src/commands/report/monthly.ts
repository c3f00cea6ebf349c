// crm report monthly [--month YYYY-MM] [--format table|json|csv|md|html] [--out FILE|DIR] [--json]:
// the monthly analysis for management (POLICY §7) over the customers the caller may read.
// Non-interactive and cron-safe: the month defaults to the previous one, the figures come from
// one read transaction (no write lock; on a large book two threads, each reading part of one state
// of it), and every file written replaces its old self atomically.
// CSV is one file per section, so its --out is a directory.
import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { print, printJson, warn, type Context } from '../../context.js';
import { loadPolicy } from '../../db/policy.js';
import { readMonthlyReport } from '../../db/report.js';
import { previousMonth, type MonthlyReport } from '../../domain/report.js';
import { monthOf, parseMonth } from '../../domain/visits.js';
import { UsageError } from '../../errors.js';
import { monthlyLayout } from '../../io/report-sections.js';
import { duringStep } from '../../io/progress.js';
import { threadHelper } from '../../io/report-helper.js';
import { withSession } from '../../session.js';
import { BY_EXTENSION, chooseFormat, emit, listedRows, reportText, type Format, type OutputOptions } from './output.js';
import { namesDirectory, writeFailure, writeFilesAtomically, type OutputFile } from '../../io/atomic-files.js';

/** Where the CSV files go, checked before anything is read: a directory, created later if missing. */
function csvDirectory(out: string | undefined, month: string): string {
  if (out === undefined) throw new UsageError('report_pages.csv_needs_out', { month });
  if (namesDirectory(out)) return out;
  // An existing file, or a name that reads as one (月报.csv): the user expects one file, and is told why not.
  if (existsSync(out) || Object.hasOwn(BY_EXTENSION, extname(out).toLowerCase())) {
    const stem = out.slice(0, out.length - extname(out).length);
    throw new UsageError('report_pages.csv_out_not_dir', { path: out, suggest: stem === out ? `${out}-${month}` : stem });
  }
  return out;
}

async function render(ctx: Context, report: MonthlyReport, format: Exclude<Format, 'csv'>, o: OutputOptions): Promise<string | Uint8Array> {
  if (format === 'html') return (await import('../../io/report-html.js')).renderReportHtml(report, ctx.t, ctx.lang, listedRows(o));
  if (format === 'xlsx') return (await import('../../io/report-xlsx.js')).reportWorkbook(monthlyLayout(report, ctx.t, ctx.lang), ctx.t);
  return reportText(ctx, format, report, () => monthlyLayout(report, ctx.t, ctx.lang), o);
}

async function csvFiles(ctx: Context, report: MonthlyReport, dir: string): Promise<OutputFile[]> {
  const { renderReportCsv } = await import('../../io/report-csv.js');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw writeFailure(dir, e);
  }
  return renderReportCsv(report, ctx.t, ctx.lang).map((f) => ({ path: join(dir, f.name), text: f.text }));
}

export async function run(ctx: Context, o: OutputOptions & { month?: string }): Promise<void> {
  const month = o.month === undefined ? previousMonth(monthOf(ctx.now())) : parseMonth(o.month);
  if (!month) throw new UsageError('report.bad_month', { value: o.month ?? '' });
  // A month not begun has no figures, and its receivables would all read as overdue: a typo
  // (2027-10 for 2026-10) is told, not answered with a report of nothing.
  const current = monthOf(ctx.now());
  if (month.from > current.from) throw new UsageError('report.future_month', { month: month.month, current: current.month });
  const format = chooseFormat(ctx, o);
  const dir = format === 'csv' ? csvDirectory(o.out, month.month) : undefined;
  // CRM_DEBUG=1: how the report's second thread did, on stderr.
  const debug = (line: string) => void (ctx.env.CRM_DEBUG === '1' && warn(ctx, line));
  const report = await withSession(ctx, 'report monthly', (s) =>
    duringStep(ctx, ctx.t('report_pages.reading'), () =>
      readMonthlyReport(s.db, { scope: s.scope, month, policy: loadPolicy(s.db) }, threadHelper(s.db, ctx.env, debug)),
    ),
  );
  if (format !== 'csv') return emit(ctx, o, await duringStep(ctx, ctx.t('report_pages.rendering'), () => render(ctx, report, format, o)));
  const files = await csvFiles(ctx, report, dir!);
  writeFilesAtomically(files);
  const paths = files.map((f) => f.path);
  // The list of CSV files is what a script goes on with.
  if (o.json) printJson(ctx, { files: paths });
  else print(ctx, paths.join('\n'));
}
