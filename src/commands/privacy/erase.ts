// crm privacy erase CONTACT_ID --reason TEXT: the person asks for their data to be deleted (PIPL
// Art. 47). The contact is deleted rather than anonymised: nothing needs the row (the history and
// the request register refer to the id without a foreign key), and a placeholder would show up as
// a contact in `show`, `list` and handover notices. The customer and its trade records stay.
import { print, printJson, warn, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { eraseContact, recordPrivacyRequest, redactMentions } from '../../db/privacy.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, type FieldDef } from '../../domain/card-fields.js';
import { formatCustomerId } from '../../domain/ids.js';
import { mayHandlePrivacyRequests } from '../../domain/scope.js';
import { PermissionError } from '../../errors.js';
import { pick } from '../../i18n/translate.js';
import { withSession } from '../../session.js';
import { requireContact } from '../contact/target.js';
import { requiredReason } from './request.js';

export async function run(ctx: Context, idText: string, o: { reason?: string; json?: boolean }): Promise<void> {
  const reason = requiredReason(o.reason);
  const done = await withSession(ctx, 'privacy erase', (s) => {
    const result = writeTransaction(s.db, () => {
      if (!mayHandlePrivacyRequests(s.caller)) throw new PermissionError('privacy.denied', {});
      const contact = requireContact(s, idText);
      const erasure = eraseContact(s.db, s.actor, contact);
      // The register keeps which fields were held, never their values, nor the person's name
      // should the reason mention it.
      const request = recordPrivacyRequest(s.db, s.actor, contact, redactMentions(contact, reason), {
        kind: 'erase',
        contact: contact.id,
        held: erasure.held,
        customer_cleared: erasure.customerCleared,
        history_rows_scrubbed: erasure.historyRows,
      });
      return { id: contact.id, customer: formatCustomerId(contact.customer_id), ...erasure, request };
    });
    // Old page images of the erased rows stay in the -wal file until a checkpoint copies the new
    // pages into the database and empties it; this must follow the commit.
    const [checkpoint] = s.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return { ...result, walCleared: checkpoint?.busy === 0 };
  });
  if (!done.walCleared) warn(ctx, ctx.t('privacy.checkpoint_busy'));
  if (o.json) {
    printJson(ctx, {
      id: done.id,
      customer_id: done.customer,
      erased_fields: done.held,
      customer_fields_cleared: done.customerCleared,
      history_rows_scrubbed: done.historyRows,
      request_id: done.request,
    });
    return;
  }
  const labels = (defs: readonly FieldDef[], keys: string[]) => keys.map((k) => pick(ctx.lang, fieldByKey(defs, k)!)).join(', ');
  print(ctx, ctx.t('privacy.erased', { id: done.id, fields: labels(CONTACT_FIELDS, done.held), customer: done.customer, request: done.request }));
  if (done.customerCleared.length > 0) print(ctx, ctx.t('privacy.customer_cleared', { customer: done.customer, fields: labels(CUSTOMER_FIELDS, done.customerCleared) }));
}
