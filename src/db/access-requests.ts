// 资料提取申请单: requests to read files outside one's scope, and their decisions.
import type { Db } from './database.js';
import { stmt } from './statements.js';

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'revoked';

export interface RequestTarget {
  customerId: number | null;
  region: string | null;
  productLine: string | null;
}

export interface RequestRow {
  id: number;
  requester_id: number;
  requester: string;
  customer_id: number | null;
  region: string | null;
  product_line: string | null;
  purpose: string;
  days: number;
  status: RequestStatus;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  expires_at: string | null;
}

const SELECT = `
  SELECT r.id, r.requester_id, q.login AS requester, r.customer_id, r.region, r.product_line, r.purpose, r.days, r.status,
         r.created_at, d.login AS decided_by, r.decided_at, r.comment, r.expires_at
    FROM access_requests r JOIN staff q ON q.id = r.requester_id LEFT JOIN staff d ON d.id = r.decided_by`;

export function insertRequest(db: Db, requesterId: number, target: RequestTarget, purpose: string, days: number, at: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO access_requests (requester_id, customer_id, region, product_line, purpose, days, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(requesterId, target.customerId, target.region, target.productLine, purpose, days, at).lastInsertRowid,
  );
}

export function getRequest(db: Db, id: number): RequestRow | undefined {
  return stmt(db, `${SELECT} WHERE r.id = ?`).get(id) as RequestRow | undefined;
}

export function decideRequest(db: Db, id: number, status: RequestStatus, deciderId: number, at: string, comment: string | null, expiresAt: string | null): void {
  stmt(db, 'UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, comment = ?, expires_at = ? WHERE id = ?').run(
    status,
    deciderId,
    at,
    comment,
    expiresAt,
    id,
  );
}

export function listRequests(db: Db, requesterId: number | null, pendingOnly: boolean): RequestRow[] {
  return stmt(db, `${SELECT} WHERE (@requester IS NULL OR r.requester_id = @requester) AND (@pending = 0 OR r.status = 'pending') ORDER BY r.id`).all({
    requester: requesterId,
    pending: pendingOnly ? 1 : 0,
  }) as RequestRow[];
}
