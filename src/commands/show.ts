// crm show ID: the whole customer file — basic data, contacts, characteristics, classification,
// and the trade summary (deals, receivables, tier, credit rating, grade history) — as a sheet, or
// as the contract's JSON card with those summaries added.
import { print, printJson, type Context } from '../context.js';
import type { CustomerRow } from '../db/customers.js';
import type { RelatedFile } from '../db/file-keeping.js';
import { logAccess } from '../db/access-log.js';
import { latestCredit } from '../db/credit.js';
import { consultTransaction } from '../db/database.js';
import { tradeSummary } from '../db/deals.js';
import { gradeHistory } from '../db/evaluations.js';
import { loadPolicy } from '../db/policy.js';
import { staffById } from '../db/staff.js';
import { yearlySpend } from '../db/tiers.js';
import { isoDate } from '../domain/date.js';
import { optionLabel, VERIFY_METHODS } from '../domain/enums.js';
import { formatCustomerId } from '../domain/ids.js';
import { maskContact } from '../domain/masking.js';
import { masksPersonalData } from '../domain/scope.js';
import { tierLabel, tierOf } from '../domain/tier.js';
import { cardJson } from '../io/card-json.js';
import { withSession } from '../session.js';
import { loadCard, requireCustomer } from './customer-file.js';
import { fileStanding, standingJson, type FileStanding } from './file-standing.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const today = isoDate(ctx.now());
  const file = await withSession(ctx, 'show', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText);
      logAccess(s.db, s.actor, 'show', [{ customerId: row.id, basis }]);
      const card = loadCard(s, row);
      // Seen only through a request: the contacts' personal data stays masked (PIPL).
      if (masksPersonalData(basis)) card.contacts = card.contacts.map(maskContact);
      const verifiedBy = row.verified_by;
      const spend = yearlySpend(s.db, row.id, today);
      return {
        card,
        verifier: verifiedBy === null ? undefined : staffById(s.db, verifiedBy as number),
        trade: tradeSummary(s.db, row.id, today),
        yearlySpend: spend,
        tier: tierOf(spend, loadPolicy(s.db)),
        credit: latestCredit(s.db, row.id) ?? null,
        grades: gradeHistory(s.db, row.id),
        standing: fileStanding(s, row, today),
      };
    }),
  );
  const { card, trade, tier, credit, grades, standing } = file;
  if (o.json) {
    return printJson(ctx, {
      ...cardJson(card),
      tier,
      yearly_spend: file.yearlySpend,
      trade,
      credit: credit && { rating: credit.rating, score: credit.score, credit_limit: credit.credit_limit, payment_terms: credit.payment_terms, rated_on: credit.rated_on },
      grade_history: grades,
      ...standingJson(card.row, standing),
    });
  }
  // The sheet's table and colour libraries are loaded only for people, not for --json.
  const [{ renderSheet }, { paint }, { formatMoney }] = await Promise.all([import('../io/card-sheet.js'), import('../io/format.js'), import('../domain/money.js')]);
  const { row } = card;
  const c = paint(ctx);
  const money = (n: number) => formatMoney(n, ctx.lang);
  const notes = [
    row.verified_at
      ? c.green(ctx.t('show.verified', { at: String(row.verified_at).slice(0, 10), by: file.verifier?.login ?? '', how: optionLabel(VERIFY_METHODS, row.verified_how === null ? null : String(row.verified_how), ctx.lang) }))
      : c.yellow(ctx.t('show.unverified')),
    c.dim(ctx.t('show.timestamps', { created: row.created_at.slice(0, 10), updated: row.updated_at.slice(0, 10) })),
    ...standingNotes(ctx, row, standing).map((line) => c.yellow(line)),
  ];
  const sheet = renderSheet(ctx, {
    title: `${ctx.t('show.title')}  ${formatCustomerId(row.id)}  ${row.name}`,
    values: { ...row, owner: row.owner_login },
    contacts: card.contacts,
    staff: card.staff,
    notes,
    // A stale file has every field stale: the line under the title says so once.
    marked: { keys: standing.stale ? [] : standing.staleFields, label: ctx.t('show.stale_mark') },
  });
  const lines = [
    trade.deals === 0
      ? c.dim(ctx.t('show.no_trade'))
      : ctx.t('show.trade_line', { deals: trade.deals, amount: money(trade.amount_12m), profit: money(trade.profit_12m), last: trade.last_deal_on ?? '' }),
    ...(trade.outstanding > 0 ? [ctx.t('show.receivables_line', { outstanding: money(trade.outstanding), overdue: money(trade.overdue) })] : []),
    ...(trade.competitor_deals > 0 ? [ctx.t('show.competitor_line', { n: trade.competitor_deals })] : []),
    ctx.t('show.tier_line', { tier: tierLabel(tier, ctx.lang), spend: money(file.yearlySpend) }),
    credit
      ? ctx.t('show.credit_line', { rating: credit.rating, limit: money(credit.credit_limit), terms: credit.payment_terms, on: credit.rated_on })
      : c.dim(ctx.t('show.no_credit')),
    grades.length
      ? ctx.t('show.grades_line', { list: grades.map((g) => `${g.evaluated_on} ${g.grade} (${g.total}, ${g.evaluator})`).join(' → ') })
      : c.dim(ctx.t('show.no_grades')),
  ];
  print(ctx, `${sheet}\n\n${c.cyan(`── ${ctx.t('show.trade_heading')} ──`)}\n${lines.join('\n')}${relatedSections(ctx, row.id, standing, c.cyan)}`);
}

/** The archive and staleness lines under the title. */
function standingNotes(ctx: Context, row: CustomerRow, f: FileStanding): string[] {
  const notes: string[] = [];
  if (row.archived_at !== null) notes.push(ctx.t('show.archived', { at: String(row.archived_at).slice(0, 10), by: f.archivedBy ?? '', reason: String(row.archive_reason ?? '') }));
  if (f.stale) notes.push(ctx.t('show.stale_file', { since: f.lastTouched.slice(0, 10), days: f.staleDays, id: formatCustomerId(row.id) }));
  else if (f.staleFields.length > 0) notes.push(ctx.t('show.stale_fields', { n: f.staleFields.length, days: f.staleDays, id: formatCustomerId(row.id) }));
  return notes;
}

/** The customers it referred and its group, when it has any. */
function relatedSections(ctx: Context, selfId: number, f: FileStanding, heading: (s: string) => string): string {
  const name = (r: RelatedFile) => `${formatCustomerId(r.id)}  ${r.name ?? ctx.t('show.out_of_scope_name')}`;
  const parts: string[] = [];
  if (f.referrals.length > 0) parts.push(`${heading(`── ${ctx.t('show.referrals_heading')} ──`)}\n${f.referrals.map(name).join('\n')}`);
  if (f.group.length > 0) {
    const lines = f.group.map((m) => `${'  '.repeat(m.depth)}${name(m)}${m.id === selfId ? `  ${ctx.t('show.this_file')}` : ''}`);
    parts.push(`${heading(`── ${ctx.t('show.group_heading')} ──`)}\n${lines.join('\n')}`);
  }
  return parts.map((p) => `\n\n${p}`).join('');
}
