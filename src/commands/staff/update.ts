// crm staff update LOGIN [--name] [--role] [--region] [--product-line] [--phone] [--email]
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { recordChanges } from '../../db/history.js';
import { staffByLogin, updateStaff } from '../../db/staff.js';
import { mayManageStaff } from '../../domain/scope.js';
import { NotFoundError, PermissionError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';
import { lastAdminGuard } from './guards.js';
import { staffValues, type StaffFlags } from './values.js';

export async function run(ctx: Context, login: string, o: StaffFlags): Promise<void> {
  const values = staffValues(o);
  if (Object.keys(values).length === 0) throw new UsageError('staff.update_needs', {});
  const changed = await withSession(ctx, 'staff update', (s) => {
    if (!mayManageStaff(s.caller)) throw new PermissionError('staff.admin_only', {});
    return writeTransaction(s.db, () => {
      const before = staffByLogin(s.db, login);
      if (!before) throw new NotFoundError('staff.not_found', { login });
      if (values.role !== undefined && values.role !== 'admin') lastAdminGuard(s.db, before);
      updateStaff(s.db, before.id, values);
      return recordChanges(s.db, s.actor, { entity: 'staff', entityId: before.id, customerId: null }, { ...before }, values);
    });
  });
  if (o.json) printJson(ctx, { login, changed });
  else print(ctx, ctx.t('staff.updated', { login, n: changed }));
}
