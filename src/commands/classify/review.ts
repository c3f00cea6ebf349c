// crm classify --review 2026Q4 [--by score|trade] [--apply]: the quarterly review of grades
// (POLICY §4). Lists the customers the caller may change whose grade is due; by trade, proposes
// grades from their contribution to our trade over the last four quarters and, with --apply,
// stores a trade evaluation for each and changes the grades, all in one transaction.
import { print, printJson, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { consultTransaction, writeTransaction } from '../../db/database.js';
import { changeCustomer } from '../../db/customer-writes.js';
import { getCustomer } from '../../db/customers.js';
import { dueCustomers, recordEvaluation, tradeValues, type DueCustomer } from '../../db/evaluations.js';
import { isoDate } from '../../domain/date.js';
import type { Grade } from '../../domain/enums.js';
import { contributionGrades, gradeChange, parseQuarter, quartersEndingWith, type GradeChange, type Quarter } from '../../domain/grading.js';
import { formatCustomerId } from '../../domain/ids.js';
import { formatMoney } from '../../domain/money.js';
import { UsageError } from '../../errors.js';
import { renderTable } from '../../io/table.js';
import { withSession, type Session } from '../../session.js';

interface ReviewOptions {
  by: 'score' | 'trade';
  apply?: boolean;
  note?: string;
  json?: boolean;
}

interface Proposal extends DueCustomer {
  /** CNY of our deals in the four quarters. */
  value: number;
  share: number;
  proposed: Grade;
  change: GradeChange;
}

function propose(s: Session, due: DueCustomer[], quarter: Quarter): Proposal[] {
  const { from, to } = quartersEndingWith(quarter, 4);
  const values = tradeValues(s.db, from, to);
  const trade = due.map((d) => Math.round((values.get(d.id) ?? 0) * 100) / 100);
  const graded = contributionGrades(trade);
  return due.map((d, i) => ({ ...d, value: trade[i]!, share: graded[i]!.share, proposed: graded[i]!.grade, change: gradeChange(d.grade, graded[i]!.grade) }));
}

function apply(s: Session, proposals: Proposal[], evaluatedOn: string, note: string | null): void {
  for (const p of proposals) {
    recordEvaluation(s.db, s.actor, { customerId: p.id, evaluatedOn, method: 'trade', scores: null, weights: null, total: p.share, grade: p.proposed, note });
    if (p.change !== 'same') changeCustomer(s.db, s.actor, getCustomer(s.db, p.id)!, { grade: p.proposed });
  }
}

export async function review(ctx: Context, quarterText: string, o: ReviewOptions): Promise<void> {
  const quarter = parseQuarter(quarterText);
  if (!quarter) throw new UsageError('classify.bad_quarter', { value: quarterText });
  if (o.apply && o.by === 'score') throw new UsageError('classify.apply_by_score', {});
  const today = isoDate(ctx.now());

  const { due, proposals } = await withSession(ctx, `classify --review ${quarter.label}`, (s) => {
    const work = () => {
      const due = dueCustomers(s.db, s.writeScope, quarter.from);
      // Each listed file is a consultation (POLICY §6).
      logAccess(s.db, s.actor, 'classify', due.map((d) => ({ customerId: d.id, basis: d.basis })));
      const proposals = o.by === 'trade' ? propose(s, due, quarter) : null;
      if (proposals && o.apply) apply(s, proposals, today, o.note?.trim() || null);
      return { due, proposals };
    };
    return o.apply ? writeTransaction(s.db, work) : consultTransaction(s.db, work);
  });

  if (o.json) {
    const line = (d: DueCustomer, i: number) => {
      const p = proposals?.[i];
      return { id: formatCustomerId(d.id), name: d.name, grade: d.grade, last_evaluated: d.last_evaluated, value: p?.value ?? null, share: p?.share ?? null, proposed: p?.proposed ?? null, change: p?.change ?? null };
    };
    return printJson(ctx, { quarter: quarter.label, by: o.by, due: due.map(line), applied: !!o.apply });
  }
  if (due.length === 0) return print(ctx, ctx.t('classify.review_none', { quarter: quarter.label }));
  const { t } = ctx;
  const col = (k: string) => t(`classify.col_${k}` as never);
  if (!proposals) {
    const rows = due.map((d) => [formatCustomerId(d.id), d.name, d.grade ?? '—', d.last_evaluated ?? '—']);
    print(ctx, renderTable(ctx, ['id', 'name', 'grade', 'last_evaluated'].map(col), rows));
    return print(ctx, t('classify.review_due', { quarter: quarter.label, n: due.length }));
  }
  const rows = proposals.map((p) => [
    formatCustomerId(p.id),
    p.name,
    p.grade ?? '—',
    formatMoney(p.value, ctx.lang),
    `${p.share.toFixed(2)}%`,
    p.proposed,
    t(`classify.change_${p.change}` as never),
  ]);
  print(ctx, renderTable(ctx, ['id', 'name', 'grade', 'value', 'share', 'proposed', 'change'].map(col), rows));
  const counts = { up: 0, down: 0, same: 0, new: 0 };
  for (const p of proposals) counts[p.change]++;
  if (o.apply) print(ctx, t('classify.review_applied', { quarter: quarter.label, n: proposals.length, changed: proposals.length - counts.same }));
  else print(ctx, t('classify.review_proposed', { quarter: quarter.label, n: proposals.length, ...counts }));
}
