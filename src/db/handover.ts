// What a handover reads: the departing employee's customers with what the notification list
// shows, the files they are a staff contact on, and the counts checked before and after.
import type { Listed } from '../domain/handover-plan.js';
import { customerStaffLogins } from './customers.js';
import type { Db } from './database.js';
import { stmt } from './statements.js';

export interface OwnedCustomer {
  id: number;
  name: string;
  region: string | null;
  phone: string | null;
  /** The first contact (lowest id): the person the customer is told through. */
  contact_name: string | null;
  contact_mobile: string | null;
  contact_phone: string | null;
}

export function customersOwnedBy(db: Db, staffId: number): OwnedCustomer[] {
  return stmt(
    db,
    `SELECT c.id, c.name, c.region, c.phone, k.name AS contact_name, k.mobile AS contact_mobile, k.phone AS contact_phone
       FROM customers c
       LEFT JOIN contacts k ON k.id = (SELECT min(id) FROM contacts WHERE customer_id = c.id)
      WHERE c.owner_id = ? ORDER BY c.id`,
  ).all(staffId) as OwnedCustomer[];
}

export function customersListing(db: Db, staffId: number): Listed[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.region, s.login AS owner
       FROM customer_staff cs JOIN customers c ON c.id = cs.customer_id LEFT JOIN staff s ON s.id = c.owner_id
      WHERE cs.staff_id = ? ORDER BY c.id`,
  ).all(staffId) as Omit<Listed, 'staff'>[];
  return rows.map((r) => ({ ...r, staff: customerStaffLogins(db, r.id) }));
}

export function countCustomers(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM customers').get() as { n: number }).n;
}

/** Files a staff member is listed on as a staff contact. */
export function countLinks(db: Db, staffId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM customer_staff WHERE staff_id = ?').get(staffId) as { n: number }).n;
}
