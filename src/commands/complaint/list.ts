// crm complaint list [--open]: the complaints of the customers the caller may read, newest first;
// --open leaves out closed ones. Each customer listed is a consultation in the access log.
import { print, printJson, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { listComplaints } from '../../db/notes.js';
import { formatCustomerId } from '../../domain/ids.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { open?: boolean; json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'complaint list', (s) =>
    consultTransaction(s.db, () => {
      const found = listComplaints(s.db, s.scope, o.open === true);
      const seen = new Map<number, string>();
      for (const r of found) if (!seen.has(r.customer_id)) seen.set(r.customer_id, r.basis);
      logAccess(s.db, s.actor, 'complaint list', [...seen].map(([customerId, basis]) => ({ customerId, basis })));
      return found;
    }),
  );
  if (o.json) {
    printJson(
      ctx,
      rows.map((r) => ({
        id: r.id,
        customer: formatCustomerId(r.customer_id),
        customer_name: r.customer_name,
        date: r.noted_on,
        status: r.complaint_status,
        text: r.text,
        handler: r.handler,
        resolution: r.resolution,
        handled_on: r.handled_on,
        closed_on: r.closed_on,
      })),
    );
    return;
  }
  if (rows.length === 0) return print(ctx, ctx.t('complaint.none'));
  const { renderTable } = await import('../../io/table.js');
  const head = (['id', 'customer', 'date', 'status', 'text', 'handler', 'resolution'] as const).map((k) => ctx.t(`complaint.col_${k}`));
  print(
    ctx,
    renderTable(
      ctx,
      head,
      rows.map((r) => [
        String(r.id),
        `${formatCustomerId(r.customer_id)} ${r.customer_name}`,
        r.noted_on,
        ctx.t(`complaint.status_${r.complaint_status}`),
        r.text,
        r.handler ?? '',
        r.resolution ?? '',
      ]),
    ),
  );
}
