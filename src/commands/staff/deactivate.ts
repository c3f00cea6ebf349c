// crm staff deactivate LOGIN: the person can no longer use crm. Someone who still owns
// customers must hand them over first (POLICY §8): no file is left without an owner.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { recordChanges } from '../../db/history.js';
import { countOwnedCustomers, deactivateStaff, staffByLogin } from '../../db/staff.js';
import { mayManageStaff } from '../../domain/scope.js';
import { ConflictError, NotFoundError, PermissionError } from '../../errors.js';
import { withSession } from '../../session.js';
import { lastAdminGuard } from './guards.js';

export async function run(ctx: Context, login: string, o: { json?: boolean }): Promise<void> {
  await withSession(ctx, 'staff deactivate', (s) => {
    if (!mayManageStaff(s.caller)) throw new PermissionError('staff.admin_only', {});
    writeTransaction(s.db, () => {
      const target = staffByLogin(s.db, login);
      if (!target) throw new NotFoundError('staff.not_found', { login });
      if (!target.active) throw new ConflictError('staff.already_inactive', { login });
      lastAdminGuard(s.db, target);
      const owned = countOwnedCustomers(s.db, target.id);
      if (owned > 0) throw new ConflictError('staff.owns_customers', { login, n: owned });
      deactivateStaff(s.db, target.id, s.actor.at);
      recordChanges(s.db, s.actor, { entity: 'staff', entityId: target.id, customerId: null }, { active: true }, { active: false });
    });
  });
  if (o.json) printJson(ctx, { login, active: false });
  else print(ctx, ctx.t('staff.deactivated', { login }));
}
