// The work lists of file keeping (`crm unverified`, `crm stale`): customers the caller may read,
// chosen with the list filters plus the list's own condition, each listed file logged as
// consulted (POLICY §6), as `crm list` does.
import type { Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { listCustomers, type ListFilters, type ListRow, type SortKey } from '../db/customers.js';
import { loadPolicy } from '../db/policy.js';
import { isoDate } from '../domain/date.js';
import type { Policy } from '../domain/policy.js';
import { withSession } from '../session.js';
import { listFilters, type FilterOptions } from './list-filters.js';

export async function reviewList(
  ctx: Context,
  command: string,
  o: FilterOptions,
  condition: (policy: Policy, today: string) => ListFilters,
  sort: SortKey,
): Promise<{ rows: ListRow[]; policy: Policy; today: string }> {
  const today = isoDate(ctx.now());
  return withSession(ctx, command, (s) =>
    consultTransaction(s.db, () => {
      const policy = loadPolicy(s.db);
      const filters = { ...listFilters(s, o, today), ...condition(policy, today) };
      const { rows } = listCustomers(s.db, filters, s.scope, { by: sort, desc: false }, { limit: null, offset: 0 });
      logAccess(s.db, s.actor, command, rows.map((r) => ({ customerId: r.id, basis: r.basis })));
      return { rows, policy, today };
    }),
  );
}
