// Who may see and change which customers (POLICY §6), decided in this one place. A caller's scope
// is a list of grants; the database layer turns it into a WHERE clause and names, for each file
// consulted, the grant that allowed it (the basis recorded in the access log).
import type { Role } from './enums.js';

export interface Caller {
  staffId: number;
  login: string;
  role: Role;
  region: string | null;
  productLine: string | null;
}

/** An approved, unexpired 资料提取申请单: read access to one customer, a region or a product line. */
export interface RequestGrant {
  id: number;
  customerId: number | null;
  region: string | null;
  productLine: string | null;
}

export type Grant =
  | { kind: 'all' }
  | { kind: 'own'; staffId: number }
  | { kind: 'region'; region: string }
  | { kind: 'product-line'; productLine: string }
  | { kind: 'request'; request: RequestGrant };

export interface Scope {
  grants: Grant[];
}

const SEE_ALL: readonly Role[] = ['manager', 'director', 'gm', 'clerk', 'admin'];

/**
 * What the caller's role lets them see and change: executives and the records clerk everything;
 * regional managers their region; reps and service staff their own customers (owner or listed
 * staff contact); a 品项负责人 (staff given a product line) also that product line; `other` staff
 * nothing. Approved requests add read access (see readScope).
 */
export function roleScope(caller: Caller): Scope {
  if (SEE_ALL.includes(caller.role)) return { grants: [{ kind: 'all' }] };
  const grants: Grant[] = [];
  if (caller.role !== 'other') grants.push({ kind: 'own', staffId: caller.staffId });
  if (caller.role === 'region-manager' && caller.region) grants.push({ kind: 'region', region: caller.region });
  if (caller.productLine && caller.role !== 'other') grants.push({ kind: 'product-line', productLine: caller.productLine });
  return { grants };
}

/** Whether the scope is every customer (a query can then leave the customers out of a sum). */
export function seesAll(scope: Scope): boolean {
  return scope.grants.some((g) => g.kind === 'all');
}

/** Reading: the role's scope plus every approved request still in force. */
export function readScope(caller: Caller, requests: RequestGrant[]): Scope {
  const base = roleScope(caller);
  if (seesAll(base)) return base;
  return { grants: [...base.grants, ...requests.map((request) => ({ kind: 'request' as const, request }))] };
}

/**
 * The grant under which the caller already reads a whole region or product line, if any: a
 * request for it would add nothing. (Whether one customer is readable takes the database: its
 * owner and staff contacts; see basisFor.)
 */
export function grantCovering(scope: Scope, target: { region: string | null; productLine: string | null }): Grant | undefined {
  const { region, productLine } = target;
  return scope.grants.find((g) => {
    if (g.kind === 'all') return true;
    if (g.kind === 'region') return region !== null && g.region === region;
    if (g.kind === 'product-line') return productLine !== null && g.productLine === productLine;
    if (g.kind === 'request') return g.request.customerId === null && ((region !== null && g.request.region === region) || (productLine !== null && g.request.productLine === productLine));
    return false;
  });
}

/** How a grant is named in the access log. */
export function basisOf(grant: Grant): string {
  return grant.kind === 'request' ? `request:${grant.request.id}` : grant.kind;
}

/** Personal fields are masked for a file seen only through a request (PIPL: minimum necessary). */
export function masksPersonalData(basis: string): boolean {
  return basis.startsWith('request:');
}

/** Staff records (registering, changing, deactivating people) are the administrator's. */
export function mayManageStaff(caller: Caller): boolean {
  return caller.role === 'admin';
}

/** Owning customer files: everyone but staff without a customer role (they could not open them). */
export function mayOwnFiles(role: string): boolean {
  return role !== 'other';
}

/** Entering new customer files: whoever may own them. */
export function mayAddCustomers(caller: Caller): boolean {
  return mayOwnFiles(caller.role);
}

/** Handing a file to another owner is a manager's decision (POLICY §8); a rep may keep it. */
export function mayReassign(caller: Caller): boolean {
  return ['region-manager', 'manager', 'director', 'gm', 'clerk', 'admin'].includes(caller.role);
}

/** Requests are approved by the marketing director or the general manager (POLICY §6). */
export function mayApproveRequests(caller: Caller): boolean {
  return caller.role === 'director' || caller.role === 'gm';
}

/** Everyone's requests are listed for those who decide them and for the administrator, who runs
 * the tool and its staff records: seeing them is not approving them. Others see their own. */
export function maySeeAllRequests(caller: Caller): boolean {
  return mayApproveRequests(caller) || caller.role === 'admin';
}

/** The access log is read by managers, the general manager and the administrator. */
export function mayReadAccessLog(caller: Caller): boolean {
  return ['manager', 'director', 'gm', 'admin'].includes(caller.role);
}

/** A departing employee's files are handed over by management (POLICY §8). */
export function mayHandOver(caller: Caller): boolean {
  return ['manager', 'director', 'gm', 'admin'].includes(caller.role);
}

/** Requests about a person's data are handled by the records clerk and management. */
export function mayHandlePrivacyRequests(caller: Caller): boolean {
  return ['manager', 'director', 'gm', 'clerk', 'admin'].includes(caller.role);
}

/** Policy settings are changed by the administrator or the general manager. */
export function mayChangePolicy(caller: Caller): boolean {
  return caller.role === 'admin' || caller.role === 'gm';
}

/** Abnormal relationships are escalated to management (POLICY §5): they acknowledge them. */
export function mayAcknowledge(caller: Caller): boolean {
  return ['region-manager', 'manager', 'director', 'gm'].includes(caller.role);
}
