// crm history ID: every change to a customer file, oldest first: when, who (staff and OS login),
// through which command, which field, from what to what.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { customerHistory } from '../db/history.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';
import { historyTable } from './history-view.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'history', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText);
      logAccess(s.db, s.actor, 'history', [{ customerId: row.id, basis }]);
      return customerHistory(s.db, row.id);
    }),
  );
  if (o.json) {
    printJson(
      ctx,
      rows.map((r) => ({
        at: r.at,
        staff: r.staff_login,
        os_login: r.os_login,
        command: r.command,
        entity: r.entity,
        entity_id: r.entity_id,
        field: r.field,
        old_value: r.old_value,
        new_value: r.new_value,
      })),
    );
    return;
  }
  if (rows.length === 0) return print(ctx, ctx.t('history.empty'));
  const { renderTable } = await import('../io/table.js');
  const table = historyTable(ctx, rows);
  print(ctx, renderTable(ctx, table.head, table.rows));
}
