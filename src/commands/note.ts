// crm note CUSTOMER_ID --kind KIND --text TEXT [--date D] [--contact ID] [--abnormal]: a letter,
// fax, call, e-mail or meeting, a major change of the customer, a complaint (which starts open)
// or feedback, recorded in the customer's file (POLICY §3) and its history.
import { print, printJson, type Context } from '../context.js';
import { getContact } from '../db/customers.js';
import { writeTransaction } from '../db/database.js';
import { insertNote } from '../db/notes.js';
import { eventDate, initialComplaintStatus, parseNoteKind } from '../domain/complaints.js';
import { isoDate } from '../domain/date.js';
import { formatCustomerId } from '../domain/ids.js';
import { blankToNull } from '../domain/text.js';
import { UsageError, ValidationError } from '../errors.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export interface NoteOptions {
  kind?: string;
  text?: string;
  date?: string;
  contact?: string;
  abnormal?: boolean;
  json?: boolean;
}

/** The date of something that happened: today by default, real, not in the future (exit 2). */
export function checkedEventDate(ctx: Context, text: string | undefined, field = '--date'): string {
  const today = isoDate(ctx.now());
  const verdict = eventDate(text, today);
  if (verdict.ok) return verdict.date;
  if (verdict.reason === 'bad') throw new ValidationError('note.bad_date', { field, value: text ?? '' });
  throw new ValidationError('note.future_date', { field, value: text ?? '', today });
}

export async function run(ctx: Context, idText: string, o: NoteOptions): Promise<void> {
  if (o.kind === undefined || o.kind.trim() === '') throw new UsageError('note.missing_kind');
  const kind = parseNoteKind(o.kind);
  if (kind === null) throw new UsageError('note.bad_kind', { value: o.kind });
  const text = blankToNull(o.text);
  if (text === null) throw new UsageError('note.missing_text', { field: '--text' });
  const noted_on = checkedEventDate(ctx, o.date);
  const contactText = blankToNull(o.contact);
  const abnormal = o.abnormal === true;

  const saved = await withSession(ctx, 'note', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      const customer = formatCustomerId(row.id);
      let contact_id: number | null = null;
      if (contactText !== null) {
        const contact = /^#?\d+$/.test(contactText) ? getContact(s.db, Number(contactText.replace('#', ''))) : undefined;
        if (!contact || contact.customer_id !== row.id) throw new ValidationError('note.bad_contact', { value: contactText, customer });
        contact_id = contact.id;
      }
      const complaint_status = initialComplaintStatus(kind);
      const id = insertNote(s.db, s.actor, { customer_id: row.id, kind, noted_on, contact_id, text, abnormal, complaint_status });
      return { id, customer, contact_id, complaint_status };
    }),
  );
  if (o.json) {
    return printJson(ctx, {
      id: saved.id,
      customer: saved.customer,
      kind,
      date: noted_on,
      contact: saved.contact_id,
      abnormal,
      complaint_status: saved.complaint_status,
    });
  }
  const params = { id: saved.id, customer: saved.customer, kind: ctx.t(`timeline.kind_${kind}`) };
  print(ctx, ctx.t(kind === 'complaint' ? 'note.recorded_complaint' : 'note.recorded', params));
  if (abnormal) print(ctx, ctx.t('note.abnormal_flagged'));
}
