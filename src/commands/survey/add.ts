// crm survey add CUSTOMER_ID --score 1-5 [--text TEXT] [--date D]: a satisfaction survey
// (满意度调查, POLICY §5) recorded in the customer's file and its history.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { insertSurvey } from '../../db/notes.js';
import { parseScore } from '../../domain/complaints.js';
import { formatCustomerId } from '../../domain/ids.js';
import { blankToNull } from '../../domain/text.js';
import { UsageError, ValidationError } from '../../errors.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { checkedEventDate } from '../note.js';

export async function run(ctx: Context, idText: string, o: { score?: string; text?: string; date?: string; json?: boolean }): Promise<void> {
  if (blankToNull(o.score) === null) throw new UsageError('survey.missing_score', {});
  const score = parseScore(o.score);
  if (score === null) throw new ValidationError('survey.bad_score', { value: o.score! });
  const text = blankToNull(o.text);
  const surveyed_on = checkedEventDate(ctx, o.date);
  const saved = await withSession(ctx, 'survey add', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      return { id: insertSurvey(s.db, s.actor, { customer_id: row.id, surveyed_on, score, text }), customer: formatCustomerId(row.id) };
    }),
  );
  if (o.json) return printJson(ctx, { id: saved.id, customer: saved.customer, date: surveyed_on, score, text });
  print(ctx, ctx.t('survey.recorded', { id: saved.id, customer: saved.customer, score }));
}
