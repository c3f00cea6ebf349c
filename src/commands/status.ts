// crm status ID potential|followed|cooperating|churned [--reason TEXT]: moves a customer along
// its relationship (POLICY §4); a churn keeps its reason, every move is in the history.
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { changeCustomer } from '../db/customer-writes.js';
import { formatCustomerId } from '../domain/ids.js';
import { parseStatus, statusChange, statusLabel } from '../domain/lifecycle.js';
import { blankToNull } from '../domain/text.js';
import { UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export async function run(ctx: Context, idText: string, statusText: string, o: { reason?: string; json?: boolean }): Promise<void> {
  const to = parseStatus(statusText);
  if (to === null) throw new UsageError('trade.bad_status', { value: statusText });
  const values = statusChange(to, blankToNull(o.reason));
  const { id, from } = await withSession(ctx, 'status', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      // The same status again is no transition, whatever the reason given.
      if (row.status !== to) changeCustomer(s.db, s.actor, row, values);
      return { id: formatCustomerId(row.id), from: String(row.status) };
    }),
  );
  if (o.json) return printJson(ctx, { id, from, status: to, changed: from !== to });
  if (from === to) print(ctx, ctx.t('trade.status_unchanged', { id, status: statusLabel(to) }));
  else print(ctx, ctx.t('trade.status_changed', { id, from: statusLabel(from), to: statusLabel(to) }));
}
