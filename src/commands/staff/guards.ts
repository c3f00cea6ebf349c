// Rules that keep the staff table usable.
import type { Db } from '../../db/database.js';
import { listStaff, type StaffRow } from '../../db/staff.js';
import { ConflictError } from '../../errors.js';

/** The last active administrator may not stop being one: nobody could manage staff after. */
export function lastAdminGuard(db: Db, target: StaffRow): void {
  if (target.role !== 'admin' || !target.active) return;
  const admins = listStaff(db, false).filter((x) => x.role === 'admin');
  if (admins.length <= 1) throw new ConflictError('staff.last_admin', { login: target.login });
}
