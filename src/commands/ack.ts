// crm ack visit|note ID: a manager acknowledges an abnormal relationship flagged on a visit or a
// note (关系异常, POLICY §5), which then leaves the agenda. Recorded in the history.
import { print, printJson, type Context } from '../context.js';
import { acknowledge, customerOf } from '../db/agenda.js';
import { writeTransaction } from '../db/database.js';
import { recordChanges } from '../db/history.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayAcknowledge } from '../domain/scope.js';
import { ConflictError, NotFoundError, PermissionError, UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

const TABLES = { visit: 'visits', note: 'notes' } as const;

export async function run(ctx: Context, kind: string, idText: string, o: { json?: boolean }): Promise<void> {
  if (kind !== 'visit' && kind !== 'note') throw new UsageError('ack.bad_kind', { kind });
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError('ack.bad_id', { id: idText });
  await withSession(ctx, 'ack', (s) =>
    writeTransaction(s.db, () => {
      if (!mayAcknowledge(s.caller)) throw new PermissionError('ack.denied', {});
      const customerId = customerOf(s.db, TABLES[kind], id);
      if (customerId === undefined) throw new NotFoundError('ack.not_found', { kind, id });
      requireCustomer(s, formatCustomerId(customerId));
      if (!acknowledge(s.db, TABLES[kind], id, s.caller.staffId, s.actor.at)) throw new ConflictError('ack.nothing', { kind, id });
      recordChanges(s.db, s.actor, { entity: kind, entityId: id, customerId }, { acknowledged: false }, { acknowledged: true });
    }),
  );
  if (o.json) printJson(ctx, { kind, id, acknowledged: true });
  else print(ctx, ctx.t('ack.done', { kind, id }));
}
