// crm stale [--days N] [list filters] [--json]: files neither updated nor verified within the
// policy's stale_days (default 180; --days for this run), longest untouched first: to confirm
// with `crm verify`, correct with `crm update`, or retire with `crm archive` (消除过旧资料,
// POLICY §3).
import { print, printJson, warn, type Context } from '../context.js';
import { daysSince, latest, staleCutoff } from '../domain/file-keeping.js';
import { formatCustomerId } from '../domain/ids.js';
import type { Policy } from '../domain/policy.js';
import { UsageError } from '../errors.js';
import type { FilterOptions } from './list-filters.js';
import { reviewList } from './review-list.js';

export async function run(ctx: Context, o: FilterOptions & { days?: string; json?: boolean }): Promise<void> {
  const days = o.days === undefined ? undefined : Number(o.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError('stale.bad_days', { value: o.days! });
  const daysFor = (p: Policy) => days ?? p.staleDays;
  const { rows, policy, today } = await reviewList(ctx, 'stale', o, (p, today) => ({ staleBefore: staleCutoff(today, daysFor(p)) }), 'touched');
  const n = daysFor(policy);
  const before = staleCutoff(today, n);
  const files = rows.map((r) => {
    const touched = latest(r.updated_at, r.verified_at)!;
    return {
      id: formatCustomerId(r.id),
      name: r.name,
      owner: r.owner_login,
      updated_at: r.updated_at,
      verified_at: r.verified_at,
      days_untouched: daysSince(touched, today),
    };
  });
  if (o.json) return printJson(ctx, { days: n, before, files });
  if (files.length === 0) return warn(ctx, ctx.t('stale.none', { days: n }));
  const { renderTable } = await import('../io/table.js');
  const head = ['id', 'name', 'owner', 'updated', 'verified', 'days'].map((k) => ctx.t(`files.col_${k}` as never));
  const body = files.map((f) => [f.id, f.name, f.owner ?? '', f.updated_at.slice(0, 10), f.verified_at?.slice(0, 10) ?? '', String(f.days_untouched)]);
  print(ctx, renderTable(ctx, head, body));
  warn(ctx, ctx.t('stale.total', { n: files.length, days: n, before }));
}
