// crm privacy export CONTACT_ID --reason TEXT [--json]: everything held about a person, for
// them to see (PIPL Art. 45): the contact, the customer it belongs to, every history row about it
// and the earlier requests about them. The export is itself a registered request.
import { print, printJson, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { writeTransaction } from '../../db/database.js';
import { contactHistory, privacyRequests, recordPrivacyRequest } from '../../db/privacy.js';
import { CONTACT_FIELDS } from '../../domain/card-fields.js';
import { formatCustomerId } from '../../domain/ids.js';
import { mayHandlePrivacyRequests } from '../../domain/scope.js';
import { PermissionError } from '../../errors.js';
import { pick } from '../../i18n/translate.js';
import { contactJson } from '../../io/card-json.js';
import { displayValue, paint } from '../../io/format.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { requireContact } from '../contact/target.js';
import { historyJson, historyView, shownActor, shownAt } from '../history-view.js';
import { outcomeJsonText, outcomeText, requiredReason } from './request.js';

export async function run(ctx: Context, idText: string, o: { reason?: string; json?: boolean }): Promise<void> {
  const reason = requiredReason(o.reason);
  const held = await withSession(ctx, 'privacy export', (s) =>
    writeTransaction(s.db, () => {
      if (!mayHandlePrivacyRequests(s.caller)) throw new PermissionError('privacy.denied', {});
      const contact = requireContact(s, idText);
      const { row: customer, basis } = requireCustomer(s, formatCustomerId(contact.customer_id));
      logAccess(s.db, s.actor, 'privacy export', [{ customerId: customer.id, basis }]);
      const history = contactHistory(s.db, contact);
      const requests = privacyRequests(s.db, contact);
      const request = recordPrivacyRequest(s.db, s.actor, contact, reason, { kind: 'export', history_rows: history.length, earlier_requests: requests.length });
      return { contact, customer: { id: formatCustomerId(customer.id), name: customer.name }, history, requests, request };
    }),
  );
  if (o.json) {
    printJson(ctx, {
      contact: { ...contactJson(held.contact), created_at: held.contact.created_at, updated_at: held.contact.updated_at },
      customer: held.customer,
      history: held.history.map(historyJson),
      privacy_requests: held.requests.map((r) => ({ id: r.id, at: r.at, staff: r.staff_login, os_login: r.os_login, kind: r.kind, reason: r.reason, outcome: outcomeJsonText(r.outcome) })),
      request_id: held.request,
    });
    return;
  }
  const c = paint(ctx);
  const history = historyView(ctx, true);
  const heading = (key: 'privacy.contact_heading' | 'privacy.history_heading' | 'privacy.requests_heading') => ['', c.cyan(`── ${ctx.t(key)} ──`)];
  const table = (head: string[], rows: string[][]) => (rows.length > 0 ? renderTable(ctx, head, rows) : c.dim(ctx.t('privacy.none')));
  print(
    ctx,
    [
      c.bold(ctx.t('privacy.sheet_title', { id: held.contact.id })),
      ctx.t('privacy.customer', held.customer),
      ...heading('privacy.contact_heading'),
      ...CONTACT_FIELDS.map((f) => `${pick(ctx.lang, f)}: ${displayValue(ctx, f, held.contact[f.key as keyof typeof held.contact]) || c.dim('—')}`),
      ...heading('privacy.history_heading'),
      table(history.head, held.history.map(history.cells)),
      ...heading('privacy.requests_heading'),
      table(
        ['at', 'who', 'kind', 'reason', 'outcome'].map((k) => ctx.t(`privacy.col_${k}` as never)),
        held.requests.map((r) => [shownAt(r.at), shownActor(r.staff_login, r.os_login), ctx.t(`privacy.kind_${r.kind}`), r.reason ?? '', outcomeText(ctx.lang, ctx.t, r.outcome)]),
      ),
      '',
      ctx.t('privacy.recorded', { request: held.request }),
    ].join('\n'),
  );
}
