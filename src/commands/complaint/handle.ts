// crm complaint handle NOTE_ID --resolution TEXT [--date D]: an open complaint handled, by the
// caller, with how it was resolved (POLICY §5). Anyone who may change the customer's file may.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { getNote, updateComplaint, type NoteRow } from '../../db/notes.js';
import { handleStep, type StepRefusal } from '../../domain/complaints.js';
import { formatCustomerId } from '../../domain/ids.js';
import { blankToNull } from '../../domain/text.js';
import { ConflictError, NotFoundError, UsageError, ValidationError } from '../../errors.js';
import type { Session } from '../../session.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { checkedEventDate } from '../note.js';

export function noteIdArg(text: string): number {
  const t = text.trim();
  if (!/^#?\d+$/.test(t)) throw new UsageError('complaint.bad_id', { value: text });
  return Number(t.replace('#', ''));
}

/** The note, or exit 1 when there is none; exit 3 when its customer is outside the change scope. */
export function requireNoteToChange(s: Session, id: number): NoteRow {
  const note = getNote(s.db, id);
  if (!note) throw new NotFoundError('complaint.not_found', { id });
  requireCustomer(s, formatCustomerId(note.customer_id), 'change');
  return note;
}

/** A refused step as the error the user sees: a wrong date is exit 2, the wrong state exit 1. */
export function refusalError(refusal: StepRefusal, note: NoteRow, date: string): Error {
  switch (refusal) {
    case 'no_resolution':
      return new UsageError('complaint.no_resolution');
    case 'before_previous':
      return new ValidationError('complaint.before_previous', { date, previous: note.handled_on ?? note.noted_on });
    case 'already_handled':
      return new ConflictError('complaint.already_handled', { id: note.id, date: note.handled_on ?? '' });
    case 'already_closed':
      return new ConflictError('complaint.already_closed', { id: note.id, date: note.closed_on ?? '' });
    case 'not_handled':
      return new ConflictError('complaint.not_handled', { id: note.id });
    case 'not_complaint':
      return new ConflictError('complaint.not_complaint', { id: note.id });
  }
}

export async function run(ctx: Context, idText: string, o: { resolution?: string; date?: string; json?: boolean }): Promise<void> {
  const id = noteIdArg(idText);
  const resolution = blankToNull(o.resolution);
  if (resolution === null) throw new UsageError('complaint.no_resolution');
  const date = checkedEventDate(ctx, o.date);
  const done = await withSession(ctx, 'complaint handle', (s) =>
    writeTransaction(s.db, () => {
      const note = requireNoteToChange(s, id);
      const step = handleStep(note, s.staff.id, resolution, date);
      if (!step.ok) throw refusalError(step.refusal, note, date);
      updateComplaint(s.db, s.actor, note, step.values);
      return { customer: formatCustomerId(note.customer_id), handler: s.staff.login };
    }),
  );
  if (o.json) return printJson(ctx, { id, customer: done.customer, status: 'handled', handler: done.handler, resolution, handled_on: date });
  print(ctx, ctx.t('complaint.handled', { id, customer: done.customer, handler: done.handler, date }));
}
