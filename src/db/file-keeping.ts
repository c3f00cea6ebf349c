// Keeping the files true (POLICY §1, §3): verifications, field freshness, archiving, assignment
// runs, and the files related to one file (those it referred, its group of parent and branches).
// Names of related files outside the caller's scope are not read: only their ids.
import type { Confirmation } from '../domain/file-keeping.js';
import type { VerifyMethod } from '../domain/enums.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import type { Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

// ---- Verification ---------------------------------------------------------------------------

export interface NewVerification {
  customerId: number;
  method: VerifyMethod;
  /** Card keys confirmed; null: the whole file. */
  fields: string[] | null;
  note: string | null;
}

/** Records a confirmation; a whole-file one also marks the file verified (who, when, how). */
export function recordVerification(db: Db, actor: Actor, v: NewVerification): number {
  const id = Number(
    stmt(db, 'INSERT INTO verifications (customer_id, method, fields, note, staff_id, os_login, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      v.customerId,
      v.method,
      v.fields === null ? null : JSON.stringify(v.fields),
      v.note,
      actor.staffId,
      actor.osLogin,
      actor.at,
    ).lastInsertRowid,
  );
  if (v.fields === null) {
    stmt(db, 'UPDATE customers SET verified_at = ?, verified_by = ?, verified_how = ? WHERE id = ?').run(actor.at, actor.staffId, v.method, v.customerId);
  }
  return id;
}

/** The customer a verification was of, if there is such a verification. */
export function verificationCustomer(db: Db, verificationId: number): number | undefined {
  return (stmt(db, 'SELECT customer_id FROM verifications WHERE id = ?').get(verificationId) as { customer_id: number } | undefined)?.customer_id;
}

/** Every confirmation of a file, oldest first. */
export function confirmationsOf(db: Db, customerId: number): Confirmation[] {
  return (stmt(db, 'SELECT fields, verified_at FROM verifications WHERE customer_id = ? ORDER BY id').all(customerId) as { fields: string | null; verified_at: string }[]).map(
    (r) => ({ fields: r.fields === null ? null : (JSON.parse(r.fields) as string[]), at: r.verified_at }),
  );
}

/** When each field of a file last changed, from the history (whole-record rows excluded). */
export function fieldChangeTimes(db: Db, customerId: number): Map<string, string> {
  const rows = stmt(
    db,
    "SELECT field, max(at) AS at FROM history WHERE customer_id = ? AND entity = 'customer' AND field <> '*' GROUP BY field",
  ).all(customerId) as { field: string; at: string }[];
  return new Map(rows.map((r) => [r.field, r.at]));
}

// ---- Archiving ------------------------------------------------------------------------------

/** Retires a file (archive set) or restores it (null). The caller records the history. */
export function setArchived(db: Db, customerId: number, archive: { at: string; staffId: number; reason: string } | null): void {
  stmt(db, 'UPDATE customers SET archived_at = ?, archived_by = ?, archive_reason = ? WHERE id = ?').run(
    archive?.at ?? null,
    archive?.staffId ?? null,
    archive?.reason ?? null,
    customerId,
  );
}

// ---- Assignment -----------------------------------------------------------------------------

/** One run of crm assign, the cause named in the history of the owner changes ("assign #N"). */
export function recordAssignment(db: Db, actor: Actor, toId: number, reason: string | null, files: number): number {
  return Number(
    stmt(db, 'INSERT INTO assignments (at, staff_id, os_login, to_id, reason, files) VALUES (?, ?, ?, ?, ?, ?)').run(
      actor.at,
      actor.staffId,
      actor.osLogin,
      toId,
      reason,
      files,
    ).lastInsertRowid,
  );
}

// ---- Related files --------------------------------------------------------------------------

export interface RelatedFile {
  id: number;
  /** Null for a file outside the caller's scope: it is named by its id only. */
  name: string | null;
}

export interface GroupMember extends RelatedFile {
  parent: number | null;
  /** 0 for the group's head, 1 for its branches, 2 for theirs … */
  depth: number;
}

/** Groups deeper than this are not followed (a guard; parents are checked for cycles on input). */
const MAX_DEPTH = 50;

/** The customers this one referred (source referral naming it). */
export function referredBy(db: Db, scope: Scope, customerId: number): RelatedFile[] {
  const s = scopeSql(scope);
  return stmt(db, `SELECT c.id, CASE WHEN ${s.where} THEN c.name END AS name FROM customers c WHERE c.referred_by = @id ORDER BY c.id`).all({
    ...s.params,
    id: customerId,
  }) as RelatedFile[];
}

/** The file, its parent, the parent's parent …: the chain up to the head of its group. */
export function ancestry(db: Db, customerId: number): number[] {
  return stmt(
    db,
    `WITH RECURSIVE up(id, parent, depth) AS (
       SELECT id, parent, 0 FROM customers WHERE id = @id
       UNION ALL
       SELECT c.id, c.parent, up.depth + 1 FROM customers c JOIN up ON c.id = up.parent WHERE up.depth < ${MAX_DEPTH})
     SELECT id FROM up ORDER BY depth`,
  )
    .pluck()
    .all({ id: customerId }) as number[];
}

/** The whole group a file belongs to (head, branches, subsidiaries), head first; empty when it stands alone. */
export function groupOf(db: Db, scope: Scope, customerId: number): GroupMember[] {
  const head = ancestry(db, customerId).at(-1) ?? customerId;
  const s = scopeSql(scope);
  const members = stmt(
    db,
    `WITH RECURSIVE down(id, depth) AS (
       SELECT @head, 0
       UNION ALL
       SELECT c.id, down.depth + 1 FROM customers c JOIN down ON c.parent = down.id WHERE down.depth < ${MAX_DEPTH})
     SELECT c.id, CASE WHEN ${s.where} THEN c.name END AS name, c.parent, down.depth
       FROM down JOIN customers c ON c.id = down.id
      ORDER BY down.depth, c.id`,
  ).all({ ...s.params, head }) as GroupMember[];
  return members.length > 1 ? members : [];
}
