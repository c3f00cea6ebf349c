// crm policy set KEY VALUE: changes a policy setting (administrator or general manager); the
// change is in the history.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { recordChanges } from '../../db/history.js';
import { loadPolicy, saveSetting } from '../../db/policy.js';
import { formatSetting, parseSetting, POLICY_KEYS, PolicyValueError, type PolicyKey } from '../../domain/policy.js';
import { mayChangePolicy } from '../../domain/scope.js';
import { PermissionError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, key: string, value: string, o: { json?: boolean }): Promise<void> {
  if (!(POLICY_KEYS as readonly string[]).includes(key)) throw new UsageError('policy.unknown_key', { key, keys: POLICY_KEYS.join(', ') });
  const k = key as PolicyKey;
  const result = await withSession(ctx, 'policy set', (s) =>
    writeTransaction(s.db, () => {
      if (!mayChangePolicy(s.caller)) throw new PermissionError('policy.denied', {});
      const current = loadPolicy(s.db);
      let next;
      try {
        next = { ...current, ...parseSetting(k, value, current) };
      } catch (e) {
        if (e instanceof PolicyValueError) throw new UsageError('policy.bad_value', { key, detail: ctx.t(`policy.detail_${e.detail}`, e.params) });
        throw e;
      }
      const before = formatSetting(k, current);
      const after = formatSetting(k, next);
      saveSetting(s.db, k, after, s.caller.staffId, s.actor.at);
      recordChanges(s.db, s.actor, { entity: 'policy', entityId: 0, customerId: null }, { [k]: before }, { [k]: after });
      return { key: k, value: after, changed: before !== after };
    }),
  );
  if (o.json) printJson(ctx, result);
  else print(ctx, ctx.t(result.changed ? 'policy.set' : 'policy.unchanged', { key: result.key, value: result.value }));
}
