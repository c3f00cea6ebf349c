// Tables for the terminal (cli-table3, which measures CJK text correctly) and tab-separated
// lines when the output is a pipe.
import Table from 'cli-table3';
import type { Context } from '../context.js';

export function renderTable(ctx: Context, head: string[], rows: string[][]): string {
  if (!ctx.io.stdout.isTTY) return [head, ...rows].map((r) => r.map((c) => c.replace(/[\t\n\r]/g, ' ')).join('\t')).join('\n');
  const table = new Table({ head, style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [] }, wordWrap: true });
  table.push(...rows);
  return table.toString();
}
