// crm complaint list [--open]: the complaints of the customers the caller may read, newest first;
// --open leaves out closed ones. Each customer listed is a consultation in the access log.
import type { Context } from '../../context.js';
import { logListed } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { listComplaints } from '../../db/notes.js';
import { formatCustomerId } from '../../domain/ids.js';
import { withSession } from '../../session.js';
import { showRows } from '../rows-view.js';

export async function run(ctx: Context, o: { open?: boolean; json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'complaint list', (s) =>
    consultTransaction(s.db, () => {
      const found = listComplaints(s.db, s.scope, o.open === true);
      logListed(s.db, s.actor, 'complaint list', found);
      return found;
    }),
  );
  await showRows(ctx, o.json, rows, {
    json: (r) => ({
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
    }),
    none: ctx.t('complaint.none'),
    head: (['id', 'customer', 'date', 'status', 'text', 'handler', 'resolution'] as const).map((k) => ctx.t(`complaint.col_${k}`)),
    cells: (r) => [
      String(r.id),
      `${formatCustomerId(r.customer_id)} ${r.customer_name}`,
      r.noted_on,
      ctx.t(`complaint.status_${r.complaint_status}`),
      r.text,
      r.handler ?? '',
      r.resolution ?? '',
    ],
  });
}
