// crm unverified [--owner LOGIN] [--source SOURCE] [list filters] [--json]: the files still
// unconfirmed (整理, POLICY §3), oldest first, with where they came from (a trade show, a
// directory …) and how long they have waited, for the clerk to work through with `crm verify`.
import { print, printJson, warn, type Context } from '../context.js';
import { optionLabel, SOURCES } from '../domain/enums.js';
import { daysSince } from '../domain/file-keeping.js';
import { formatCustomerId } from '../domain/ids.js';
import type { FilterOptions } from './list-filters.js';
import { reviewList } from './review-list.js';

export async function run(ctx: Context, o: FilterOptions & { json?: boolean }): Promise<void> {
  const { rows, today } = await reviewList(ctx, 'unverified', o, () => ({ unverified: true }), 'created');
  const files = rows.map((r) => ({
    id: formatCustomerId(r.id),
    name: r.name,
    source: r.source,
    source_detail: r.source_detail,
    owner: r.owner_login,
    created_on: r.created_at.slice(0, 10),
    days_waiting: daysSince(r.created_at, today),
  }));
  if (o.json) return printJson(ctx, files);
  if (files.length === 0) return warn(ctx, ctx.t('unverified.none'));
  const { renderTable } = await import('../io/table.js');
  const head = ['id', 'name', 'source', 'owner', 'created', 'days'].map((k) => ctx.t(`files.col_${k}` as never));
  const body = files.map((f) => [
    f.id,
    f.name,
    [f.source === null ? '' : optionLabel(SOURCES, f.source, ctx.lang), f.source_detail ?? ''].filter(Boolean).join(' · '),
    f.owner ?? '',
    f.created_on,
    String(f.days_waiting),
  ]);
  print(ctx, renderTable(ctx, head, body));
  warn(ctx, ctx.t('unverified.total', { n: files.length }));
}
