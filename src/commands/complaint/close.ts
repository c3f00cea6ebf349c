// crm complaint close NOTE_ID [--date D]: a handled complaint closed; one not yet handled is
// refused (exit 1).
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { updateComplaint } from '../../db/notes.js';
import { closeStep } from '../../domain/complaints.js';
import { formatCustomerId } from '../../domain/ids.js';
import { withSession } from '../../session.js';
import { checkedEventDate } from '../note.js';
import { noteIdArg, refusalError, requireNoteToChange } from './handle.js';

export async function run(ctx: Context, idText: string, o: { date?: string; json?: boolean }): Promise<void> {
  const id = noteIdArg(idText);
  const date = checkedEventDate(ctx, o.date);
  const customer = await withSession(ctx, 'complaint close', (s) =>
    writeTransaction(s.db, () => {
      const note = requireNoteToChange(s, id);
      const step = closeStep(note, date);
      if (!step.ok) throw refusalError(step.refusal, note, date);
      updateComplaint(s.db, s.actor, note, step.values);
      return formatCustomerId(note.customer_id);
    }),
  );
  if (o.json) return printJson(ctx, { id, customer, status: 'closed', closed_on: date });
  print(ctx, ctx.t('complaint.closed', { id, customer, date }));
}
