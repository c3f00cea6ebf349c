// crm add: a new customer file, from the interactive walk, from flags, or from a JSON card.
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { createCustomer } from '../db/customer-writes.js';
import { listStaff } from '../db/staff.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayAddCustomers } from '../domain/scope.js';
import { NeedsInputError, PermissionError } from '../errors.js';
import { walkNewCard } from '../io/card-walk.js';
import { readTextInput } from '../io/read-input.js';
import { withSession, type Session } from '../session.js';
import { duplicateProbe, parseCardJson, prepareNewCustomer, refuseDuplicates, similarFiles, type RawCard } from './card-input.js';

export interface AddOptions {
  card: Record<string, string>;
  contact: Record<string, string>;
  staff: string[];
  allowDuplicate: boolean;
  /** true: print JSON; a string: also read the card from that file ("-": stdin). */
  json: string | boolean | undefined;
}

/** A card to save; `nameConfirmed`: in the walk, the user saw the files of the same name and
 * chose to go on, which answers for the name what --allow-duplicate answers for everything. */
async function gatherCard(ctx: Context, s: Session, o: AddOptions): Promise<RawCard & { nameConfirmed?: boolean }> {
  const flagContacts = Object.keys(o.contact).length > 0 ? [o.contact] : [];
  if (typeof o.json === 'string') {
    const doc = parseCardJson(await readTextInput(ctx, o.json));
    return { card: { ...doc.card, ...o.card }, contacts: [...doc.contacts, ...flagContacts], staff: [...doc.staff, ...o.staff] };
  }
  if (Object.keys(o.card).length > 0 || flagContacts.length > 0) return { card: o.card, contacts: flagContacts, staff: o.staff };
  if (!ctx.interactive) throw new NeedsInputError('add.needs_input', {});
  const p = await ctx.prompter();
  const raw = await walkNewCard(ctx, p, {
    similarTo: (name) => similarFiles(s, name),
    staff: listStaff(s.db, false).map((x) => ({ login: x.login, name: x.name })),
    me: { login: s.caller.login, region: s.caller.region },
  });
  return { ...raw, staff: o.staff };
}

export async function run(ctx: Context, o: AddOptions): Promise<void> {
  const id = await withSession(ctx, 'add', async (s) => {
    if (!mayAddCustomers(s.caller)) throw new PermissionError('customer.add_denied', {});
    const raw = await gatherCard(ctx, s, o);
    return writeTransaction(s.db, () => {
      const prepared = prepareNewCustomer(s, raw);
      const probe = duplicateProbe(prepared.values, prepared.contacts);
      // Same phone or e-mail is still refused: the user was asked about the name only.
      if (raw.nameConfirmed) probe.nameKey = null;
      refuseDuplicates(s, probe, null, o.allowDuplicate);
      return createCustomer(s.db, s.actor, prepared);
    });
  });
  if (o.json) printJson(ctx, { id: formatCustomerId(id) });
  else print(ctx, formatCustomerId(id));
}
