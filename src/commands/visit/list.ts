// crm visit list [--customer --rep --month --unapproved] [--json]: visits of the customers the
// caller may read, newest first. Listing them is a consultation of those files (access log).
import type { Context } from '../../context.js';
import { logListed } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { staffByLogin } from '../../db/staff.js';
import { listVisits, type VisitFilters } from '../../db/visits.js';
import { formatCustomerId } from '../../domain/ids.js';
import { parseMonth } from '../../domain/visits.js';
import { UsageError } from '../../errors.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { showRows } from '../rows-view.js';
import { visitJson } from './show.js';

export interface VisitListOptions {
  customer?: string;
  rep?: string;
  month?: string;
  unapproved?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, o: VisitListOptions): Promise<void> {
  const rows = await withSession(ctx, 'visit list', (s) => {
    const f: VisitFilters = { unapproved: !!o.unapproved };
    if (o.month !== undefined) {
      const m = parseMonth(o.month);
      if (!m) throw new UsageError('visit.bad_month', { value: o.month });
      f.month = m;
    }
    if (o.rep !== undefined) {
      const rep = staffByLogin(s.db, o.rep);
      if (!rep) throw new UsageError('visit.rep_unknown', { login: o.rep });
      f.repId = rep.id;
    }
    if (o.customer !== undefined) f.customerId = requireCustomer(s, o.customer, 'read').row.id;
    return consultTransaction(s.db, () => {
      const found = listVisits(s.db, s.scope, f);
      logListed(s.db, s.actor, 'visit list', found);
      return found;
    });
  });
  await showRows(ctx, o.json, rows, {
    json: visitJson,
    none: ctx.t('visit.none'),
    head: (['id', 'date', 'customer', 'rep', 'interlocutor', 'approved'] as const).map((k) => ctx.t(`visit.col_${k}`)),
    cells: (v) => [
      String(v.id),
      v.visited_on,
      `${formatCustomerId(v.customer_id)} ${v.customer_name}${v.abnormal ? ' ⚠' : ''}`,
      v.rep,
      v.interlocutor ?? '',
      v.approved_on ? `${v.approved_by} ${v.approved_on}` : '',
    ],
  });
}
