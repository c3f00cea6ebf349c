// crm contact remove CONTACT_ID: the person is no longer a contact; the history keeps what was
// recorded (erasing personal data on request is `crm privacy erase`, a separate matter).
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { removeContact } from '../../db/customer-writes.js';
import { withSession } from '../../session.js';
import { requireContact } from './target.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  await withSession(ctx, 'contact remove', (s) => writeTransaction(s.db, () => removeContact(s.db, s.actor, requireContact(s, idText))));
  if (o.json) printJson(ctx, { id: Number(idText), removed: true });
  else print(ctx, ctx.t('contact.removed', { id: idText }));
}
