// Customers, their contacts and staff contacts, duplicate look-ups, listing and search.
// Column names come only from the card catalogue, never from user input.
import { CONTACT_FIELDS, CUSTOMER_FIELDS, type Values } from '../domain/card-fields.js';
import type { Scope } from '../domain/scope.js';
import { scopeSql, type ScopeSql } from './scope-sql.js';
import type { Db } from './database.js';
import { stmt, toSql } from './statements.js';

/** Card keys stored under another column name. */
const COLUMN_OF: Record<string, string> = { owner: 'owner_id' };
const CUSTOMER_COLUMNS = new Set(CUSTOMER_FIELDS.map((f) => COLUMN_OF[f.key] ?? f.key));
const CONTACT_COLUMNS = new Set(CONTACT_FIELDS.map((f) => f.key));

export interface CustomerRow {
  id: number;
  name: string;
  name_key: string;
  owner_id: number | null;
  owner_login: string | null;
  verified_at: string | null;
  verified_by: number | null;
  verified_how: string | null;
  created_at: string;
  updated_at: string;
  [column: string]: string | number | null;
}

export interface ContactRow {
  id: number;
  customer_id: number;
  name: string;
  title: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  decision_maker: 0 | 1;
  birthday: string | null;
  hobbies: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** Stored values keyed by column: owner becomes owner_id (a staff id). */
export type CustomerColumns = Record<string, string | number | null>;

function checkedColumns(values: Record<string, unknown>, allowed: Set<string>): string[] {
  const columns = Object.keys(values);
  for (const c of columns) if (!allowed.has(c)) throw new Error(`not a column: ${c}`);
  return columns;
}

export function insertCustomer(db: Db, values: CustomerColumns & { name_key: string }, now: string): number {
  const columns = checkedColumns(values, new Set([...CUSTOMER_COLUMNS, 'name_key']));
  const sql = `INSERT INTO customers (${columns.join(', ')}, created_at, updated_at)
               VALUES (${columns.map((c) => '@' + c).join(', ')}, @now, @now)`;
  return Number(stmt(db, sql).run({ ...values, now }).lastInsertRowid);
}

export function updateCustomer(db: Db, id: number, values: CustomerColumns, now: string): void {
  const columns = checkedColumns(values, new Set([...CUSTOMER_COLUMNS, 'name_key']));
  if (columns.length === 0) return;
  const sql = `UPDATE customers SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`;
  stmt(db, sql).run({ ...values, now, id });
}

export function getCustomer(db: Db, id: number): CustomerRow | undefined {
  return stmt(
    db,
    'SELECT c.*, s.login AS owner_login FROM customers c LEFT JOIN staff s ON s.id = c.owner_id WHERE c.id = ?',
  ).get(id) as CustomerRow | undefined;
}

export function getContacts(db: Db, customerId: number): ContactRow[] {
  return stmt(db, 'SELECT * FROM contacts WHERE customer_id = ? ORDER BY id').all(customerId) as ContactRow[];
}

export function getContact(db: Db, id: number): ContactRow | undefined {
  return stmt(db, 'SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
}

export function insertContact(db: Db, customerId: number, values: Values, now: string): number {
  const columns = checkedColumns(values, CONTACT_COLUMNS);
  const sql = `INSERT INTO contacts (customer_id, ${columns.join(', ')}, created_at, updated_at)
               VALUES (@customer_id, ${columns.map((c) => '@' + c).join(', ')}, @now, @now)`;
  const params = Object.fromEntries(columns.map((c) => [c, toSql(values[c]!)]));
  return Number(stmt(db, sql).run({ ...params, customer_id: customerId, now }).lastInsertRowid);
}

export function updateContact(db: Db, id: number, values: Values, now: string): void {
  const columns = checkedColumns(values, CONTACT_COLUMNS);
  if (columns.length === 0) return;
  const params = Object.fromEntries(columns.map((c) => [c, toSql(values[c]!)]));
  const sql = `UPDATE contacts SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`;
  stmt(db, sql).run({ ...params, now, id });
}

export function deleteContact(db: Db, id: number): void {
  stmt(db, 'DELETE FROM contacts WHERE id = ?').run(id);
}

export function customerStaffLogins(db: Db, customerId: number): string[] {
  return (
    stmt(db, 'SELECT s.login FROM customer_staff cs JOIN staff s ON s.id = cs.staff_id WHERE cs.customer_id = ? ORDER BY s.login').all(
      customerId,
    ) as { login: string }[]
  ).map((r) => r.login);
}

export function addCustomerStaff(db: Db, customerId: number, staffId: number, now: string): boolean {
  return stmt(db, 'INSERT OR IGNORE INTO customer_staff (customer_id, staff_id, added_at) VALUES (?, ?, ?)').run(customerId, staffId, now).changes > 0;
}

export function removeCustomerStaff(db: Db, customerId: number, staffId: number): boolean {
  return stmt(db, 'DELETE FROM customer_staff WHERE customer_id = ? AND staff_id = ?').run(customerId, staffId).changes > 0;
}

export interface DuplicateProbe {
  nameKey?: string | null;
  uscc?: string | null;
  phones?: (string | null)[];
  emails?: (string | null)[];
}

export interface DuplicateHit {
  id: number;
  name: string;
  reason: 'uscc' | 'name' | 'phone' | 'email';
  value: string;
}

/**
 * The look-ups behind duplicate checks, run once per card on an import of a million: each must
 * use an index (test/db/query-plans.test.ts checks). The e-mail indexes are partial, so their
 * queries repeat "email IS NOT NULL" for the planner to see they apply.
 */
export const LOOKUP = {
  customersByUscc: 'SELECT id, name FROM customers WHERE uscc = @v ORDER BY id',
  customersByNameKey: 'SELECT id, name FROM customers WHERE name_key = @v ORDER BY id',
  customersByPhone: `SELECT id, name FROM customers WHERE phone = @v OR fax = @v
    UNION SELECT c.id, c.name FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.mobile = @v OR k.phone = @v`,
  customersByEmail: `SELECT id, name FROM customers WHERE lower(email) = @v AND email IS NOT NULL
    UNION SELECT c.id, c.name FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE lower(k.email) = @v AND k.email IS NOT NULL`,
  contactByMobile: 'SELECT id FROM contacts WHERE mobile = @v ORDER BY id LIMIT 1',
  contactByEmail: 'SELECT id FROM contacts WHERE lower(email) = @v AND email IS NOT NULL ORDER BY id LIMIT 1',
  contactByName: 'SELECT id FROM contacts WHERE customer_id = @customer AND name = @v ORDER BY id LIMIT 1',
} as const;

/** Existing customers that look like the same company (POLICY §3: no file twice). */
export function findDuplicates(db: Db, probe: DuplicateProbe, excludeId: number | null = null): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  const check = (sql: string, reason: DuplicateHit['reason'], value: string) => {
    for (const r of stmt(db, sql).all({ v: value }) as { id: number; name: string }[]) {
      if (r.id !== excludeId && !hits.some((h) => h.id === r.id)) hits.push({ ...r, reason, value });
    }
  };
  if (probe.uscc) check(LOOKUP.customersByUscc, 'uscc', probe.uscc);
  if (probe.nameKey) check(LOOKUP.customersByNameKey, 'name', probe.nameKey);
  for (const phone of new Set(probe.phones?.filter((p): p is string => !!p))) check(LOOKUP.customersByPhone, 'phone', phone);
  for (const email of new Set(probe.emails?.filter((e): e is string => !!e).map((e) => e.toLowerCase()))) check(LOOKUP.customersByEmail, 'email', email);
  return hits;
}

// ---- Listing --------------------------------------------------------------------------------

export interface ListFilters {
  status?: string;
  grade?: string;
  region?: string;
  industry?: string;
  ownerId?: number;
  source?: string;
  kind?: string;
  /** Files without an owner (new, or retired staff's), for assignment. */
  unassigned?: boolean;
  /** Archived files only; otherwise archived files are left out. */
  archived?: boolean;
  /** Files not yet confirmed (verified_at unset). */
  unverified?: boolean;
  /** Files neither updated nor verified since this date (stale). */
  staleBefore?: string;
  /** Already folded with foldSearchQuery. */
  search?: string;
  /** Our trade in the year up to `asOf`, within [min, max) (a tier's range). */
  spend?: { asOf: string; min: number; max: number | null };
}

const TOUCHED = "max(c.updated_at, coalesce(c.verified_at, ''))";

const SORT_KEYS = {
  id: 'c.id',
  name: 'c.name',
  status: 'c.status',
  grade: 'c.grade',
  region: 'c.region',
  owner: 'owner_login',
  updated: 'c.updated_at',
  created: 'c.created_at',
  /** Last updated or verified, whichever is later. */
  touched: TOUCHED,
} as const;
export type SortKey = keyof typeof SORT_KEYS;

export interface ListRow {
  id: number;
  name: string;
  status: string;
  grade: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  source_detail: string | null;
  kind: string;
  owner_login: string | null;
  phone: string | null;
  contact_name: string | null;
  contact_mobile: string | null;
  created_at: string;
  updated_at: string;
  verified_at: string | null;
  /** The grant that shows the caller this row (see domain/scope.ts). */
  basis: string;
}

/** The list filters within the scope, as one condition on customers c and its parameters. */
export function filterClause(filters: ListFilters, s: ScopeSql): { sql: string; params: Record<string, string | number | null> } {
  const where = [s.where];
  const params: Record<string, string | number | null> = { ...s.params };
  const eq = (column: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = @${name}`);
    params[name] = value;
  };
  eq('c.status', 'status', filters.status);
  eq('c.grade', 'grade', filters.grade);
  eq('c.region', 'region', filters.region);
  eq('c.industry', 'industry', filters.industry);
  eq('c.owner_id', 'ownerId', filters.ownerId);
  eq('c.source', 'source', filters.source);
  eq('c.kind', 'kind', filters.kind);
  where.push(filters.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL');
  if (filters.unassigned) where.push('c.owner_id IS NULL');
  if (filters.unverified) where.push('c.verified_at IS NULL');
  if (filters.staleBefore !== undefined) {
    where.push(`${TOUCHED} < @staleBefore`);
    params.staleBefore = filters.staleBefore;
  }
  if (filters.search !== undefined) {
    where.push('c.id IN (SELECT customer_id FROM customer_search WHERE text LIKE @search)');
    params.search = `%${filters.search}%`;
  }
  if (filters.spend !== undefined) {
    const spend = `(SELECT total(amount) FROM deals WHERE customer_id = c.id AND competitor IS NULL
                      AND deal_date > date(@spendAsOf, '-365 days') AND deal_date <= @spendAsOf)`;
    where.push(`${spend} >= @spendMin AND (@spendMax IS NULL OR ${spend} < @spendMax)`);
    Object.assign(params, { spendAsOf: filters.spend.asOf, spendMin: filters.spend.min, spendMax: filters.spend.max });
  }
  return { sql: where.join(' AND '), params };
}

/**
 * Rows ordered by company name as people look names up, by pinyin (阿里巴巴, 北京…, 广州…, 华强…),
 * which SQLite's code-point order (上海 before 华强 before 广州) is not; then by id. `desc`
 * reverses the names, never the ids. The collator is built here, not at load: it costs every
 * command ~9 ms of start-up.
 */
function byPinyinName(rows: ListRow[], desc: boolean): ListRow[] {
  const names = new Intl.Collator('zh-Hans-CN', { numeric: true });
  return rows.sort((a, b) => (desc ? -1 : 1) * names.compare(a.name, b.name) || a.id - b.id);
}

export function listCustomers(
  db: Db,
  filters: ListFilters,
  scope: Scope,
  order: { by: SortKey; desc: boolean },
  page: { limit: number | null; offset: number },
): { rows: ListRow[]; total: number } {
  if (order.by === 'name' && page.limit !== null) {
    // The page is cut after sorting in pinyin order, so every matching row is read first.
    const all = listCustomers(db, filters, scope, order, { limit: null, offset: 0 }).rows;
    return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
  const s = scopeSql(scope);
  const w = filterClause(filters, s);
  const limit = page.limit === null ? '' : 'LIMIT @limit OFFSET @offset';
  const sql = `
    SELECT c.id, c.name, c.status, c.grade, c.region, c.industry, c.source, c.source_detail, c.kind, s.login AS owner_login, c.phone,
           c.created_at, c.updated_at, c.verified_at,
           k.name AS contact_name, k.mobile AS contact_mobile, ${s.basis} AS basis
      FROM customers c
      LEFT JOIN staff s ON s.id = c.owner_id
      LEFT JOIN contacts k ON k.id = (SELECT min(id) FROM contacts WHERE customer_id = c.id)
     WHERE ${w.sql}
     ORDER BY ${SORT_KEYS[order.by]} ${order.desc ? 'DESC' : 'ASC'}, c.id
     ${limit}`;
  const params = page.limit === null ? w.params : { ...w.params, limit: page.limit, offset: page.offset };
  const read = stmt(db, sql).all(params) as ListRow[];
  const rows = order.by === 'name' ? byPinyinName(read, order.desc) : read;
  // Without a limit every row is here: no second scan just to count them.
  const total = page.limit === null ? rows.length : (stmt(db, `SELECT count(*) AS n FROM customers c WHERE ${w.sql}`).get(w.params) as { n: number }).n;
  return { rows, total };
}
