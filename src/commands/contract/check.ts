// crm contract check: the customers the caller may see that miss a contract (POLICY §5, a
// report item of §7): A/B without a contract in force today, C with deals but none at all.
import { print, printJson, warn, type Context } from '../../context.js';
import { logAccess } from '../../db/access-log.js';
import { missingContracts } from '../../db/contracts.js';
import { consultTransaction } from '../../db/database.js';
import { isoDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<void> {
  const asOf = isoDate(ctx.now());
  const missing = await withSession(ctx, 'contract check', (s) =>
    consultTransaction(s.db, () => {
      const rows = missingContracts(s.db, s.scope, asOf);
      // Each file listed is a consultation (POLICY §6).
      logAccess(s.db, s.actor, 'contract check', rows.map((r) => ({ customerId: r.id, basis: r.basis })));
      return rows;
    }),
  );
  if (o.json) {
    printJson(ctx, {
      as_of: asOf,
      missing: missing.map((r) => ({ id: formatCustomerId(r.id), name: r.name, grade: r.grade, owner: r.owner, reason: r.reason })),
    });
    return;
  }
  if (missing.length === 0) return warn(ctx, ctx.t('contracts.none_missing', { as_of: asOf }));
  const { renderTable } = await import('../../io/table.js');
  const head = [ctx.t('contracts.col_id'), ctx.t('contracts.col_name'), ctx.t('contracts.col_grade'), ctx.t('contracts.col_owner'), ctx.t('contracts.col_reason')];
  print(ctx, renderTable(ctx, head, missing.map((r) => [formatCustomerId(r.id), r.name, r.grade, r.owner ?? '', ctx.t(`contracts.reason_${r.reason}`)])));
}
