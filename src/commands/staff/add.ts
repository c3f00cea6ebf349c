// crm staff add LOGIN --name N --role R [--region X] [--product-line P]
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { recordCreated } from '../../db/history.js';
import { insertStaff, staffByLogin } from '../../db/staff.js';
import { mayManageStaff } from '../../domain/scope.js';
import { ConflictError, PermissionError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';
import { staffValues, type StaffFlags } from './values.js';

export async function run(ctx: Context, loginArg: string, o: StaffFlags): Promise<void> {
  const login = loginArg.trim();
  if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(login)) throw new UsageError('staff.bad_login', { login: loginArg });
  if (o.name === undefined || o.role === undefined) throw new UsageError('staff.add_needs', {});
  // Both were given, so both are validated and non-empty.
  const checked = staffValues(o);
  const values = { ...checked, name: checked.name!, role: checked.role! };
  await withSession(ctx, 'staff add', (s) => {
    if (!mayManageStaff(s.caller)) throw new PermissionError('staff.admin_only', {});
    writeTransaction(s.db, () => {
      if (staffByLogin(s.db, login)) throw new ConflictError('staff.exists', { login });
      const id = insertStaff(s.db, login, values, s.actor.at);
      recordCreated(s.db, s.actor, { entity: 'staff', entityId: id, customerId: null }, { login, ...values });
    });
  });
  if (o.json) printJson(ctx, { login });
  else print(ctx, ctx.t('staff.added', { login }));
}
