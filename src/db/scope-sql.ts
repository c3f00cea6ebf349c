// A Scope (domain/scope.ts) as SQL over the customers table aliased `c`: the WHERE condition,
// and a CASE expression naming the grant that lets the caller see each row (the access log's
// basis). Values are bound as parameters; only the shape of the SQL depends on the grants.
import { basisOf, type Grant, type RequestGrant, type Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { stmt } from './statements.js';

export interface ScopeSql {
  where: string;
  basis: string;
  params: Record<string, string | number>;
}

const OWN = (p: string) => `(c.owner_id = @${p} OR EXISTS (SELECT 1 FROM customer_staff cs WHERE cs.customer_id = c.id AND cs.staff_id = @${p}))`;

function condition(grant: Grant, p: string): [string, string | number | null] {
  switch (grant.kind) {
    case 'all':
      return ['1', null];
    case 'own':
      return [OWN(p), grant.staffId];
    case 'region':
      return [`c.region = @${p}`, grant.region];
    case 'product-line':
      return [`c.product_line = @${p}`, grant.productLine];
    case 'request': {
      const r = grant.request;
      if (r.customerId !== null) return [`c.id = @${p}`, r.customerId];
      if (r.region !== null) return [`c.region = @${p}`, r.region];
      return [`c.product_line = @${p}`, r.productLine!];
    }
  }
}

export function scopeSql(scope: Scope): ScopeSql {
  const params: Record<string, string | number> = {};
  const whens: string[] = [];
  const conds = scope.grants.map((grant, i) => {
    const [cond, value] = condition(grant, `scope${i}`);
    if (value !== null) params[`scope${i}`] = value;
    params[`basis${i}`] = basisOf(grant);
    whens.push(`WHEN ${cond} THEN @basis${i}`);
    return cond;
  });
  if (conds.length === 0) return { where: '0', basis: 'NULL', params };
  return { where: `(${conds.join(' OR ')})`, basis: `CASE ${whens.join(' ')} END`, params };
}

/** The basis on which the scope shows this customer, or null when it does not. */
export function basisFor(db: Db, scope: Scope, customerId: number): string | null {
  const s = scopeSql(scope);
  const row = stmt(db, `SELECT ${s.basis} AS basis FROM customers c WHERE c.id = @id AND ${s.where}`).get({ ...s.params, id: customerId }) as
    | { basis: string }
    | undefined;
  return row?.basis ?? null;
}

/** The caller's approved requests still in force at `now`. */
export function activeRequests(db: Db, staffId: number, now: string): RequestGrant[] {
  return (
    stmt(
      db,
      `SELECT id, customer_id, region, product_line FROM access_requests
        WHERE requester_id = ? AND status = 'approved' AND expires_at > ? ORDER BY id`,
    ).all(staffId, now) as { id: number; customer_id: number | null; region: string | null; product_line: string | null }[]
  ).map((r) => ({ id: r.id, customerId: r.customer_id, region: r.region, productLine: r.product_line }));
}
