// crm visit show VISIT_ID: one visit report as a sheet (or --json). Reading it is a consultation
// of the customer's file, logged with the grant it was seen by.
import { print, printJson, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { getVisit, type VisitRow } from '../../db/visits.js';
import { formatCustomerId } from '../../domain/ids.js';
import { statusLabel } from '../../domain/lifecycle.js';
import { NotFoundError } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { pick } from '../../i18n/translate.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { visitIdArg } from './approve.js';

export function visitJson(v: VisitRow): Record<string, unknown> {
  return {
    id: v.id,
    customer: formatCustomerId(v.customer_id),
    customer_name: v.customer_name,
    rep: v.rep,
    date: v.visited_on,
    grade_then: v.grade_then,
    status_then: v.status_then,
    address: v.address,
    companions: v.companions ? v.companions.split(',') : [],
    contact_id: v.contact_id,
    interlocutor: v.interlocutor,
    planned: v.planned,
    actual: v.actual,
    next: v.next_steps,
    follow_up: v.follow_up_on,
    follow_up_done: v.follow_up_done === 1,
    support: v.support,
    remarks: v.remarks,
    abnormal: v.abnormal === 1,
    approved_by: v.approved_by,
    approved_on: v.approved_on,
    approval_comment: v.approval_comment,
    created_at: v.created_at,
  };
}

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const id = visitIdArg(idText);
  const visit = await withSession(ctx, 'visit show', (s) => {
    const v = getVisit(s.db, id);
    if (!v) throw new NotFoundError('visit.not_found', { id });
    const { basis } = requireCustomer(s, formatCustomerId(v.customer_id), 'read');
    consultTransaction(s.db, () => logAccess(s.db, s.actor, 'visit show', [{ customerId: v.customer_id, basis }]));
    return v;
  });
  if (o.json) return printJson(ctx, visitJson(visit));
  const t = ctx.t;
  const rows: [MessageKey, string | null][] = [
    ['visit.f_customer', `${formatCustomerId(visit.customer_id)} ${visit.customer_name}`],
    ['visit.f_rep', visit.rep],
    ['visit.f_date', visit.visited_on],
    ['visit.f_status_then', pick(ctx.lang, statusLabel(visit.status_then))],
    ['visit.f_grade_then', visit.grade_then],
    ['visit.f_address', visit.address],
    ['visit.f_companions', visit.companions],
    ['visit.f_interlocutor', visit.interlocutor],
    ['visit.f_planned', visit.planned],
    ['visit.f_actual', visit.actual],
    ['visit.f_next', visit.next_steps],
    ['visit.f_follow_up', visit.follow_up_on],
    ['visit.f_support', visit.support],
    ['visit.f_remarks', visit.remarks],
    ['visit.f_abnormal', visit.abnormal === 1 ? t('visit.abnormal_mark') : null],
    ['visit.f_approved_by', visit.approved_by],
    ['visit.f_approved_on', visit.approved_on],
    ['visit.f_comment', visit.approval_comment],
  ];
  print(ctx, [`#${visit.id}`, ...rows.map(([k, v]) => `${t(k)}: ${v ?? '—'}`)].join('\n'));
}
