// crm policy show [--json]: the policy settings in force, with their defaults.
import { print, printJson, type Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { loadPolicy } from '../../db/policy.js';
import { DEFAULT_POLICY, formatSetting, POLICY_KEYS } from '../../domain/policy.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<void> {
  const policy = await withSession(ctx, 'policy show', (s) => readTransaction(s.db, () => loadPolicy(s.db)));
  if (o.json) {
    printJson(ctx, {
      weights: policy.weights,
      grades: policy.grades,
      tiers: policy.tiers,
      visits: policy.visits,
      receivable_aging_days: policy.receivableAgingDays,
      stale_days: policy.staleDays,
    });
    return;
  }
  const head = [ctx.t('policy.col_key'), ctx.t('policy.col_value'), ctx.t('policy.col_default')];
  print(ctx, renderTable(ctx, head, POLICY_KEYS.map((k) => [k, formatSetting(k, policy), formatSetting(k, DEFAULT_POLICY)])));
}
