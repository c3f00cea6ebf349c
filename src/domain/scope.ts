// Who may see and change which customers (POLICY §6), decided in this one place. The database
// layer turns a Scope into a WHERE clause; commands never reason about roles themselves.
import type { Role } from './enums.js';

export interface Caller {
  staffId: number;
  login: string;
  role: Role;
  region: string | null;
}

export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; region: string; staffId: number }
  | { kind: 'own'; staffId: number }
  | { kind: 'none' };

const SEE_ALL: readonly Role[] = ['manager', 'director', 'gm', 'clerk', 'admin'];

/** Reps and service staff: their own customers (owner or listed staff contact). Regional
 * managers: their region, and their own. Executives and the records clerk: everything. */
export function customerScope(caller: Caller): Scope {
  if (SEE_ALL.includes(caller.role)) return { kind: 'all' };
  if (caller.role === 'region-manager' && caller.region) return { kind: 'region', region: caller.region, staffId: caller.staffId };
  if (caller.role === 'other') return { kind: 'none' };
  return { kind: 'own', staffId: caller.staffId };
}

/** Staff records (registering, changing, deactivating people) are the administrator's. */
export function mayManageStaff(caller: Caller): boolean {
  return caller.role === 'admin';
}

/** Entering new customer files: everyone but staff without a customer role. */
export function mayAddCustomers(caller: Caller): boolean {
  return caller.role !== 'other';
}

/** Handing a file to another owner is a manager's decision (POLICY §8); a rep may keep it. */
export function mayReassign(caller: Caller): boolean {
  return ['region-manager', 'manager', 'director', 'gm', 'clerk', 'admin'].includes(caller.role);
}
