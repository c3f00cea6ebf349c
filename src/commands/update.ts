// crm update ID --set key=value …: changes a customer file; every change lands in the history.
// Without --set on a terminal, an interactive edit of chosen sections. --verification N links the
// changes to the verification that found the file wrong (history: "verify #N", as verify --set).
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { getContact, getContacts } from '../db/customers.js';
import { verificationCustomer } from '../db/file-keeping.js';
import { addContact, changeContact, changeCustomer, linkStaff, rowValues, unlinkStaff } from '../db/customer-writes.js';
import { listStaff } from '../db/staff.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, normalizeValues } from '../domain/card.js';
import { formatCustomerId } from '../domain/ids.js';
import { NeedsInputError, UsageError } from '../errors.js';
import { walkEdit, type EditAnswers } from '../io/card-walk.js';
import { withSession, type Session } from '../session.js';
import { duplicateProbe, refuseDuplicates, refuseSameContact, resolveCardReferences, resolveStaff, similarFiles } from './card-input.js';
import { requireCustomer } from './customer-file.js';
import { parseAssignments } from './key-values.js';

export interface UpdateOptions {
  set?: string[];
  addStaff?: string[];
  removeStaff?: string[];
  allowDuplicate?: boolean;
  verification?: string;
  json?: boolean;
}

/** The history cause of corrections found while verifying: that verification, of this file. */
function verificationCause(s: Session, customerId: number, text: string | undefined): string | null {
  if (text === undefined) return null;
  const id = Number(text.trim().replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0 || verificationCustomer(s.db, id) !== customerId) {
    throw new UsageError('update.bad_verification', { value: text, id: formatCustomerId(customerId) });
  }
  return `verify #${id}`;
}

async function askEdits(ctx: Context, s: Session, idText: string): Promise<EditAnswers> {
  if (!ctx.interactive) throw new NeedsInputError('update.needs_input', {});
  const { row } = requireCustomer(s, idText, 'change');
  const p = await ctx.prompter();
  return walkEdit(
    ctx,
    p,
    {
      similarTo: (name) => similarFiles(s, name, row.id),
      staff: listStaff(s.db, false).map((x) => ({ login: x.login, name: x.name })),
      me: { login: s.caller.login, region: s.caller.region },
    },
    rowValues(row),
    getContacts(s.db, row.id).map((k) => ({ ...k, decision_maker: k.decision_maker === 1 })),
  );
}

export async function run(ctx: Context, idText: string, o: UpdateOptions): Promise<void> {
  const scripted = o.set !== undefined || o.addStaff !== undefined || o.removeStaff !== undefined;
  const changed = await withSession(ctx, 'update', async (s) => {
    const answers: EditAnswers = scripted ? { card: parseAssignments(o.set ?? [], CUSTOMER_FIELDS), contacts: [] } : await askEdits(ctx, s, idText);
    const values = normalizeValues(CUSTOMER_FIELDS, answers.card, false);
    return writeTransaction(s.db, () => {
      const before = requireCustomer(s, idText, 'change').row;
      const cause = verificationCause(s, before.id, o.verification);
      const actor = cause === null ? s.actor : { ...s.actor, command: cause };
      const current = rowValues(before);
      const ownerId = resolveCardReferences(s, values, current);
      const contactEdits = answers.contacts.map((c) => ({ id: c.id, values: normalizeValues(CONTACT_FIELDS, c.values, c.id === null) }));
      const probe = duplicateProbe(values, contactEdits.map((c) => c.values));
      refuseDuplicates(s, probe, before.id, !!o.allowDuplicate);
      for (const edit of contactEdits) refuseSameContact(s, before.id, edit.values, edit.id, !!o.allowDuplicate);
      let n = changeCustomer(s.db, actor, before, values, ownerId);
      for (const edit of contactEdits) {
        if (edit.id === null) {
          addContact(s.db, actor, before.id, edit.values);
          n++;
        } else n += changeContact(s.db, actor, getContact(s.db, edit.id)!, edit.values);
      }
      for (const login of o.addStaff ?? []) if (linkStaff(s.db, actor, before.id, resolveStaff(s.db, login))) n++;
      for (const login of o.removeStaff ?? []) if (unlinkStaff(s.db, actor, before.id, resolveStaff(s.db, login))) n++;
      return { id: before.id, n };
    });
  });
  if (o.json) printJson(ctx, { id: formatCustomerId(changed.id), changed: changed.n });
  else print(ctx, ctx.t(changed.n === 0 ? 'update.nothing' : 'update.done', { id: formatCustomerId(changed.id), n: changed.n }));
}

