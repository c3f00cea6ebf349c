// crm agenda [--days N] [--json]: the caller's to-do list — follow-ups due, customers below their
// visit minimum this month, open complaints, decision makers' birthdays in the coming days, A/B
// customers with fewer than two staff in contact, the caller's own stale files, and for managers
// the abnormal relationships flagged and not yet acknowledged.
import { print, printJson, type Context } from '../context.js';
import { birthdays, escalations, fewStaffContacts, type AgendaItem } from '../db/agenda.js';
import { openComplaintsFor } from '../db/notes.js';
import { pendingFollowUps, visitsDue } from '../db/visits.js';
import { monthOf } from '../domain/visits.js';
import { readTransaction } from '../db/database.js';
import { loadPolicy } from '../db/policy.js';
import { isoDate } from '../domain/date.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayAcknowledge } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { withSession, type Session } from '../session.js';
import { listCustomers } from '../db/customers.js';
import { latest, staleCutoff } from '../domain/file-keeping.js';

const DAY_MS = 86_400_000;

/** The caller's own files neither updated nor verified within the policy's stale_days (archived ones left out). */
function staleItems(ctx: Context, s: Session, today: string): AgendaItem[] {
  const days = loadPolicy(s.db).staleDays;
  const { rows } = listCustomers(s.db, { ownerId: s.caller.staffId, staleBefore: staleCutoff(today, days) }, s.scope, { by: 'touched', desc: false }, { limit: null, offset: 0 });
  const detail = ctx.t('agenda.stale_detail', { days });
  return rows.map((r) => ({ kind: 'stale', date: latest(r.updated_at, r.verified_at)!.slice(0, 10), customer_id: r.id, customer: r.name, detail, ref: null }));
}

/** "拜访 12:谈价格" / "visit 12: …": which record was flagged, in the user's language, and what it says. */
function escalationDetail(ctx: Context, e: AgendaItem): string {
  return ctx.t('agenda.escalation_detail', { record: ctx.t(e.ref_kind === 'note' ? 'agenda.ref_note' : 'agenda.ref_visit'), id: e.ref ?? '', text: e.detail });
}

export async function run(ctx: Context, o: { days: string; json?: boolean }): Promise<void> {
  const days = Number(o.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new UsageError('agenda.bad_days', { value: o.days });
  const now = ctx.now();
  const today = isoDate(now);
  const until = isoDate(new Date(now.getTime() + days * DAY_MS));
  const month = monthOf(now);
  const items = await withSession(ctx, 'agenda', (s) =>
    readTransaction(s.db, (): AgendaItem[] => [
      // Overdue follow-ups stay on the agenda until done: from the beginning of time.
      ...pendingFollowUps(s.db, s.caller.staffId, '0000-01-01', until).map(
        (f): AgendaItem => ({ kind: 'follow_up', date: f.follow_up_on, customer_id: f.customer_id, customer: f.customer_name, detail: f.next_steps ?? '', ref: f.id }),
      ),
      // Customers the caller owns that are below this month's minimum.
      ...visitsDue(s.db, s.scope, month, loadPolicy(s.db), s.caller.staffId).map(
        (d): AgendaItem => ({ kind: 'visits_due', date: null, customer_id: d.id, customer: d.name, detail: `${d.done}/${d.minimum}`, ref: null }),
      ),
      ...openComplaintsFor(s.db, s.scope).map(
        (n): AgendaItem => ({
          kind: 'complaint', date: n.noted_on, customer_id: n.customer_id, customer: n.customer_name,
          detail: `${ctx.t(`complaint.status_${n.complaint_status}` as MessageKey)}: ${n.text}`, ref: n.id,
        }),
      ),
      ...birthdays(s.db, s.scope, today.slice(5), until.slice(5)),
      ...fewStaffContacts(s.db, s.scope),
      ...(mayAcknowledge(s.caller) ? escalations(s.db, s.scope).map((e) => ({ ...e, detail: escalationDetail(ctx, e) })) : []),
      ...staleItems(ctx, s, today),
    ]),
  );
  if (o.json) {
    printJson(ctx, { date: today, until, items: items.map((i) => ({ ...i, customer_id: formatCustomerId(i.customer_id) })) });
    return;
  }
  if (items.length === 0) return print(ctx, ctx.t('agenda.empty', { until }));
  const { renderTable } = await import('../io/table.js');
  const head = ['kind', 'date', 'customer', 'detail'].map((k) => ctx.t(`agenda.col_${k}` as never));
  print(
    ctx,
    renderTable(
      ctx,
      head,
      items.map((i) => [ctx.t(`agenda.kind_${i.kind}` as never), i.date ?? '', `${formatCustomerId(i.customer_id)} ${i.customer}`, i.detail]),
    ),
  );
}
