// crm visit approve VISIT_ID [--comment]: the rep's management approves a visit report — the
// region manager of the customer's region, a manager, the director or the GM; never the rep who
// made it (exit 3). The approver and the approval date are stored; approving twice is exit 1.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { approveVisit, getVisit } from '../../db/visits.js';
import { isoDate } from '../../domain/date.js';
import { blankToNull } from '../../domain/text.js';
import { mayApproveVisit } from '../../domain/visits.js';
import { ConflictError, NotFoundError, PermissionError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';

export function visitIdArg(text: string): number {
  const id = Number(text.trim().replace(/^#/, ''));
  if (!/^#?\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id < 1) throw new UsageError('visit.bad_id', { id: text });
  return id;
}

export async function run(ctx: Context, idText: string, o: { comment?: string; json?: boolean }): Promise<void> {
  const id = visitIdArg(idText);
  const result = await withSession(ctx, 'visit approve', (s) =>
    writeTransaction(s.db, () => {
      const visit = getVisit(s.db, id);
      if (!visit) throw new NotFoundError('visit.not_found', { id });
      const v = mayApproveVisit(s.caller, { repId: visit.rep_id, customerRegion: visit.customer_region });
      if (v === 'own') throw new PermissionError('visit.own_visit', {});
      if (v === 'not-manager') throw new PermissionError('visit.approver_only', {});
      if (visit.approved_on !== null) throw new ConflictError('visit.already_approved', { id, by: visit.approved_by ?? '', on: visit.approved_on });
      const on = isoDate(ctx.now());
      const comment = blankToNull(o.comment);
      approveVisit(s.db, s.actor, visit, s.caller.staffId, s.caller.login, on, comment);
      return { id, approved_by: s.caller.login, approved_on: on, comment };
    }),
  );
  if (o.json) printJson(ctx, result);
  else print(ctx, ctx.t('visit.approved', { id }));
}
