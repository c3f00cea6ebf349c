// The staff table: who may use crm, with which role, region and product line.
import type { Db } from './database.js';
import { stmt } from './statements.js';

export interface StaffRow {
  id: number;
  login: string;
  name: string;
  role: string;
  region: string | null;
  product_line: string | null;
  phone: string | null;
  email: string | null;
  active: 0 | 1;
  created_at: string;
  deactivated_at: string | null;
}

/** The staff columns a command may set. */
const STAFF_COLUMNS = ['name', 'role', 'region', 'product_line', 'phone', 'email'] as const;
export type StaffValues = Partial<Record<(typeof STAFF_COLUMNS)[number], string | null>>;

export function staffByLogin(db: Db, login: string): StaffRow | undefined {
  return stmt(db, 'SELECT * FROM staff WHERE login = ?').get(login) as StaffRow | undefined;
}

export function staffById(db: Db, id: number): StaffRow | undefined {
  return stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

export function listStaff(db: Db, includeInactive: boolean): StaffRow[] {
  return stmt(db, `SELECT * FROM staff ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY login`).all() as StaffRow[];
}

export function insertStaff(db: Db, login: string, values: StaffValues & { name: string; role: string }, now: string): number {
  const r = stmt(
    db,
    `INSERT INTO staff (login, name, role, region, product_line, phone, email, created_at)
     VALUES (@login, @name, @role, @region, @product_line, @phone, @email, @now)`,
  ).run({ region: null, product_line: null, phone: null, email: null, ...values, login, now });
  return Number(r.lastInsertRowid);
}

export function updateStaff(db: Db, id: number, values: StaffValues): void {
  for (const [column, value] of Object.entries(values)) {
    if (!(STAFF_COLUMNS as readonly string[]).includes(column)) throw new Error(`not a staff column: ${column}`);
    stmt(db, `UPDATE staff SET ${column} = ? WHERE id = ?`).run(value, id);
  }
}

export function deactivateStaff(db: Db, id: number, now: string): void {
  stmt(db, 'UPDATE staff SET active = 0, deactivated_at = ? WHERE id = ?').run(now, id);
}

/** Customers a staff member owns: a deactivation leaves them for a handover. */
export function countOwnedCustomers(db: Db, staffId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM customers WHERE owner_id = ?').get(staffId) as { n: number }).n;
}
