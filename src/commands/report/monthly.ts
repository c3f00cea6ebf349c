// crm report monthly [--month YYYY-MM] [--format table|json|csv|md|html] [--out FILE]: the
// monthly analysis for management (POLICY §7) over the customers the caller may read.
// Non-interactive and cron-safe: the month defaults to the previous one, the figures come from
// one read transaction (no write lock), and --out replaces the file atomically.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { print, type Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { loadPolicy } from '../../db/policy.js';
import { monthlyReport } from '../../db/report.js';
import { previousMonth, type MonthlyReport } from '../../domain/report.js';
import { monthOf, parseMonth } from '../../domain/visits.js';
import { StorageError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = { '.json': 'json', '.md': 'md', '.markdown': 'md', '.txt': 'table', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

function chooseFormat(o: { format?: string; out?: string }): Format {
  if (o.format !== undefined) {
    const f = o.format.trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError('report.bad_format', { value: o.format });
    return f as Format;
  }
  if (o.out !== undefined) return BY_EXTENSION[extname(o.out).toLowerCase()] ?? 'table';
  return 'table';
}

/** Writes the file whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new StorageError('report.cannot_write', { path, reason: (e as Error).message });
  }
}

async function render(ctx: Context, report: MonthlyReport, format: Format, toFile: boolean): Promise<string> {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const r = await import('../../io/report-render.js');
  if (format === 'md') return r.renderReportMarkdown(report, ctx.t, ctx.lang);
  if (toFile) {
    const { default: Table } = await import('cli-table3');
    return r.renderReportTable(report, ctx.t, ctx.lang, (head, rows) => {
      const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true });
      table.push(...rows);
      return table.toString();
    });
  }
  const { renderTable } = await import('../../io/table.js');
  return r.renderReportTable(report, ctx.t, ctx.lang, (head, rows) => renderTable(ctx, head, rows));
}

export async function run(ctx: Context, o: { month?: string; format?: string; out?: string }): Promise<void> {
  const month = o.month === undefined ? previousMonth(monthOf(ctx.now())) : parseMonth(o.month);
  if (!month) throw new UsageError('report.bad_month', { value: o.month ?? '' });
  const format = chooseFormat(o);
  if (format === 'csv' || format === 'html') throw new UsageError('report.format_not_supported', { format });
  const report = await withSession(ctx, 'report monthly', (s) => readTransaction(s.db, () => monthlyReport(s.db, s.scope, month, loadPolicy(s.db))));
  const text = await render(ctx, report, format, o.out !== undefined);
  if (o.out !== undefined) writeAtomically(o.out, text);
  else print(ctx, text);
}
