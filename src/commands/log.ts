// crm log [--customer ID] [--staff LOGIN] [--since DATE] [--denied]: who consulted which customer
// file, when, how, on what basis — and who was refused. For managers, the GM and the admin.
import type { Context } from '../context.js';
import { readAccessLog } from '../db/access-log.js';
import { readTransaction } from '../db/database.js';
import { staffByLogin } from '../db/staff.js';
import { parseDate } from '../domain/date.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayReadAccessLog } from '../domain/scope.js';
import { NotFoundError, PermissionError, UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { customerIdArg } from './customer-file.js';
import { shownActor, shownAt } from './history-view.js';
import { showRows } from './rows-view.js';

export interface LogOptions {
  customer?: string;
  staff?: string;
  since?: string;
  denied?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, o: LogOptions): Promise<void> {
  const since = o.since === undefined ? undefined : parseDate(o.since);
  if (since === null) throw new UsageError('log.bad_since', { value: o.since! });
  const customerId = o.customer === undefined ? undefined : customerIdArg(o.customer);
  const rows = await withSession(ctx, 'log', (s) =>
    readTransaction(s.db, () => {
      if (!mayReadAccessLog(s.caller)) throw new PermissionError('log.denied', {});
      let staffId: number | undefined;
      if (o.staff !== undefined) {
        const staff = staffByLogin(s.db, o.staff);
        if (!staff) throw new NotFoundError('staff.not_found', { login: o.staff });
        staffId = staff.id;
      }
      return readAccessLog(s.db, { customerId, staffId, since, deniedOnly: !!o.denied });
    }),
  );
  const customer = (id: number | null) => (id === null ? null : formatCustomerId(id));
  await showRows(ctx, o.json, rows, {
    json: (r) => ({ at: r.at, staff: r.staff, os_login: r.os_login, customer: customer(r.customer_id), action: r.action, basis: r.basis }),
    none: ctx.t('log.empty'),
    head: ['at', 'staff', 'customer', 'action', 'basis'].map((k) => ctx.t(`log.col_${k}` as never)),
    cells: (r) => [shownAt(r.at), shownActor(r.staff, r.os_login), customer(r.customer_id) ?? '', r.action, r.basis],
  });
}
