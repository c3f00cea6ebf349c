// crm visit due [--month YYYY-MM] [--rep LOGIN] [--json]: customers the caller may read whose
// visits that month fall short of the minimum for their status × grade (policy settings,
// defaults POLICY §5), grouped by rep (the customer's owner). The customers listed are logged
// as consulted.
import { print, printJson, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { loadPolicy } from '../../db/policy.js';
import { staffByLogin } from '../../db/staff.js';
import { visitsDue, type DueRow } from '../../db/visits.js';
import { formatCustomerId } from '../../domain/ids.js';
import { monthOf, parseMonth } from '../../domain/visits.js';
import { UsageError } from '../../errors.js';
import { statusLabel } from '../../domain/lifecycle.js';
import { pick } from '../../i18n/translate.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';

export interface DueGroup {
  rep: string | null;
  customers: { id: string; name: string; status: string; grade: string; minimum: number; done: number }[];
}

function group(rows: DueRow[]): DueGroup[] {
  const out: DueGroup[] = [];
  for (const r of rows) {
    let g = out[out.length - 1];
    if (!g || g.rep !== r.rep) out.push((g = { rep: r.rep, customers: [] }));
    g.customers.push({ id: formatCustomerId(r.id), name: r.name, status: r.status, grade: r.grade, minimum: r.minimum, done: r.done });
  }
  return out;
}

export async function run(ctx: Context, o: { month?: string; rep?: string; json?: boolean }): Promise<void> {
  const month = o.month === undefined ? monthOf(ctx.now()) : parseMonth(o.month);
  if (!month) throw new UsageError('visit.bad_month', { value: o.month ?? '' });
  const rows = await withSession(ctx, 'visit due', (s) => {
    let repId: number | null = null;
    if (o.rep !== undefined) {
      const rep = staffByLogin(s.db, o.rep);
      if (!rep) throw new UsageError('visit.rep_unknown', { login: o.rep });
      repId = rep.id;
    }
    return consultTransaction(s.db, () => {
      const found = visitsDue(s.db, s.scope, month, loadPolicy(s.db), repId);
      logAccess(s.db, s.actor, 'visit due', found.map((r) => ({ customerId: r.id, basis: r.basis })));
      return found;
    });
  });
  const reps = group(rows);
  if (o.json) return printJson(ctx, { month: month.month, reps });
  if (reps.length === 0) return print(ctx, ctx.t('visit.none_due', { month: month.month }));
  const t = ctx.t;
  const head = (['id', 'name', 'status', 'grade', 'minimum', 'done'] as const).map((k) => t(`visit.col_${k}`));
  const parts = [t('visit.due_title', { month: month.month })];
  for (const g of reps) {
    parts.push('', t('visit.due_rep', { rep: g.rep ?? t('visit.no_owner'), n: g.customers.length }));
    parts.push(renderTable(ctx, head, g.customers.map((c) => [c.id, c.name, pick(ctx.lang, statusLabel(c.status)), c.grade, String(c.minimum), String(c.done)])));
  }
  print(ctx, parts.join('\n'));
}
