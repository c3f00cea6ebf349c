// The customer files an export holds: every card the caller may see under the list filters, with
// its contacts and staff, and the grant it is seen by (the access log's basis). The filtering is
// listCustomers' own (filterClause), so `crm export` and `crm list` always agree on what matches.
import type { Scope } from '../domain/scope.js';
import type { Card } from '../io/card-json.js';
import { filterClause, type ContactRow, type CustomerRow, type ListFilters } from './customers.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface ExportedCard {
  card: Card;
  /** The grant that shows the caller this file (see domain/scope.ts). */
  basis: string;
}

/** Files read at a time: three statements a chunk (the files, their contacts, their staff). */
const CHUNK = 500;

function byCustomer<T>(rows: T[], customerOf: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const id = customerOf(r);
    const list = out.get(id);
    if (list) list.push(r);
    else out.set(id, [r]);
  }
  return out;
}

/**
 * Matching files in id order, read a chunk of ids at a time, so that a whole book is never held
 * at once (all 100,000 files of the benchmark held 1.2 GB) and three statements read 500 files
 * rather than three for each. Call inside one transaction, so that the rows are one state.
 */
export function* exportCustomers(db: Db, filters: ListFilters, scope: Scope): Generator<ExportedCard> {
  const s = scopeSql(scope);
  const w = filterClause(filters, s);
  const ids = stmt(db, `SELECT c.id FROM customers c WHERE ${w.sql} ORDER BY c.id`).pluck().all(w.params) as number[];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const range = { first: ids[i]!, last: ids[Math.min(i + CHUNK, ids.length) - 1]! };
    const files = stmt(
      db,
      `SELECT c.*, o.login AS owner_login, ${s.basis} AS basis
         FROM customers c LEFT JOIN staff o ON o.id = c.owner_id
        WHERE c.id BETWEEN @first AND @last AND ${w.sql}
        ORDER BY c.id`,
    ).all({ ...w.params, ...range }) as (CustomerRow & { basis: string })[];
    const contacts = byCustomer(
      stmt(db, 'SELECT * FROM contacts WHERE customer_id BETWEEN @first AND @last ORDER BY customer_id, id').all(range) as ContactRow[],
      (k) => k.customer_id,
    );
    const staff = byCustomer(
      stmt(
        db,
        `SELECT cs.customer_id, s.login FROM customer_staff cs JOIN staff s ON s.id = cs.staff_id
          WHERE cs.customer_id BETWEEN @first AND @last ORDER BY cs.customer_id, s.login`,
      )
        .raw()
        .all(range) as [number, string][],
      (r) => r[0],
    );
    for (const row of files) yield { card: { row, contacts: contacts.get(row.id) ?? [], staff: (staff.get(row.id) ?? []).map((r) => r[1]) }, basis: row.basis };
  }
}
