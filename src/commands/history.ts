// crm history ID: every change to a customer file, oldest first: when, who (staff and OS login),
// through which command, which field, from what to what.
import type { Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { customerHistory } from '../db/history.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';
import { historyJson, historyView } from './history-view.js';
import { showRows } from './rows-view.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'history', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText);
      logAccess(s.db, s.actor, 'history', [{ customerId: row.id, basis }]);
      return customerHistory(s.db, row.id);
    }),
  );
  await showRows(ctx, o.json, rows, { json: historyJson, none: ctx.t('history.empty'), ...historyView(ctx) });
}
