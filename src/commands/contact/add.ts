// crm contact add CUSTOMER_ID --name N [--mobile …]: one more contact on a customer file.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { addContact } from '../../db/customer-writes.js';
import { CONTACT_FIELDS, normalizeValues } from '../../domain/card.js';
import { withSession } from '../../session.js';
import { duplicateProbe, refuseDuplicates, refuseSameContact } from '../card-input.js';
import { requireCustomer } from '../customer-file.js';

export async function run(ctx: Context, idText: string, o: { values: Record<string, string>; allowDuplicate: boolean; json: boolean }): Promise<void> {
  const values = normalizeValues(CONTACT_FIELDS, o.values, true);
  const id = await withSession(ctx, 'contact add', (s) =>
    writeTransaction(s.db, () => {
      const customer = requireCustomer(s, idText, 'change').row;
      refuseDuplicates(s, duplicateProbe({}, [values]), customer.id, o.allowDuplicate);
      refuseSameContact(s, customer.id, values, null, o.allowDuplicate);
      return addContact(s.db, s.actor, customer.id, values);
    }),
  );
  if (o.json) printJson(ctx, { id });
  else print(ctx, String(id));
}
