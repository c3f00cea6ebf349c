// crm access list [--mine] [--pending]: requests, and where they stand. The director, the GM and
// the administrator see everyone's; others see their own.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { listRequests, type RequestRow } from '../../db/access-requests.js';
import { formatCustomerId } from '../../domain/ids.js';
import { maySeeAllRequests } from '../../domain/scope.js';
import { withSession } from '../../session.js';
import { showRows } from '../rows-view.js';
import { areaText } from './request.js';

function scopeText(ctx: Context, r: RequestRow): string {
  return r.customer_id !== null ? formatCustomerId(r.customer_id) : areaText(ctx, r.region, r.product_line);
}

export async function run(ctx: Context, o: { mine?: boolean; pending?: boolean; json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'access list', (s) =>
    readTransaction(s.db, () => listRequests(s.db, o.mine || !maySeeAllRequests(s.caller) ? s.caller.staffId : null, !!o.pending)),
  );
  await showRows(ctx, o.json, rows, {
    json: (r) => ({
      id: r.id,
      requester: r.requester,
      customer: r.customer_id === null ? null : formatCustomerId(r.customer_id),
      region: r.region,
      product_line: r.product_line,
      purpose: r.purpose,
      days: r.days,
      status: r.status,
      created_at: r.created_at,
      decided_by: r.decided_by,
      decided_at: r.decided_at,
      comment: r.comment,
      expires_at: r.expires_at,
    }),
    none: ctx.t('access.none'),
    head: ['id', 'requester', 'scope', 'purpose', 'status', 'until'].map((k) => ctx.t(`access.col_${k}` as never)),
    cells: (r) => [String(r.id), r.requester, scopeText(ctx, r), r.purpose, ctx.t(`access.status_${r.status}` as never), r.expires_at?.slice(0, 10) ?? ''],
  });
}
