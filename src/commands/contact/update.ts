// crm contact update CONTACT_ID --set key=value …
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { changeContact } from '../../db/customer-writes.js';
import { CONTACT_FIELDS, normalizeValues } from '../../domain/card.js';
import { UsageError } from '../../errors.js';
import { withSession } from '../../session.js';
import { duplicateProbe, refuseDuplicates, refuseSameContact } from '../card-input.js';
import { parseAssignments } from '../key-values.js';
import { requireContact } from './target.js';

export async function run(ctx: Context, idText: string, o: { set: string[]; allowDuplicate?: boolean; json?: boolean }): Promise<void> {
  const values = normalizeValues(CONTACT_FIELDS, parseAssignments(o.set, CONTACT_FIELDS), false);
  if (Object.keys(values).length === 0) throw new UsageError('set.none', {});
  const n = await withSession(ctx, 'contact update', (s) =>
    writeTransaction(s.db, () => {
      const before = requireContact(s, idText);
      refuseDuplicates(s, duplicateProbe({}, [values]), before.customer_id, !!o.allowDuplicate);
      refuseSameContact(s, before.customer_id, values, before.id, !!o.allowDuplicate);
      return changeContact(s.db, s.actor, before, values);
    }),
  );
  if (o.json) printJson(ctx, { id: Number(idText), changed: n });
  else print(ctx, ctx.t('contact.updated', { id: idText, n }));
}
