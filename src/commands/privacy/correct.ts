// crm privacy correct CONTACT_ID --set key=value … --reason TEXT: the person asks for their data
// to be corrected (PIPL Art. 46). Validated as `crm contact update` validates, written through
// the same path so the history records it, and registered as a privacy request.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { changeContact } from '../../db/customer-writes.js';
import { getContact, type ContactRow } from '../../db/customers.js';
import { recordPrivacyRequest } from '../../db/privacy.js';
import { CONTACT_FIELDS, fieldByKey, normalizeValues } from '../../domain/card.js';
import { mayHandlePrivacyRequests } from '../../domain/scope.js';
import { PermissionError, UsageError } from '../../errors.js';
import { pick } from '../../i18n/translate.js';
import { withSession } from '../../session.js';
import { requireContact } from '../contact/target.js';
import { parseAssignments } from '../key-values.js';
import { requiredReason } from './request.js';

export async function run(ctx: Context, idText: string, o: { set: string[]; reason?: string; json?: boolean }): Promise<void> {
  const values = normalizeValues(CONTACT_FIELDS, parseAssignments(o.set, CONTACT_FIELDS), false);
  if (Object.keys(values).length === 0) throw new UsageError('set.none', {});
  const reason = requiredReason(o.reason);
  // No duplicate refusal, unlike `contact update`: a person's own correct mobile or e-mail is
  // theirs to have recorded, even if another file already holds it.
  const { id, changed, request } = await withSession(ctx, 'privacy correct', (s) =>
    writeTransaction(s.db, () => {
      if (!mayHandlePrivacyRequests(s.caller)) throw new PermissionError('privacy.denied', {});
      const before = requireContact(s, idText);
      changeContact(s.db, s.actor, before, values);
      const after = getContact(s.db, before.id)!;
      const changed = CONTACT_FIELDS.map((f) => f.key as keyof ContactRow).filter((k) => before[k] !== after[k]);
      // Field names only: the values are in the history, where an erasure can reach them.
      return { id: before.id, changed, request: recordPrivacyRequest(s.db, s.actor, before, reason, { kind: 'correct', fields: changed }) };
    }),
  );
  if (o.json) printJson(ctx, { id, changed, request_id: request });
  else if (changed.length > 0) {
    const fields = changed.map((k) => pick(ctx.lang, fieldByKey(CONTACT_FIELDS, k)!)).join(', ');
    print(ctx, ctx.t('privacy.corrected', { id, fields, request }));
  } else print(ctx, ctx.t('privacy.unchanged', { id, request }));
}
