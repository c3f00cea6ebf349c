// The file reports (POLICY §1, §3): referrals by referrer, the files by kind, and groups of a
// parent and its branches with their trade rolled up to the parent. Over the files the caller
// may read, archived ones left out; our trade is that of the last 365 days up to `today`.
// A referrer or group head outside the caller's scope is named by its id only.
import { KINDS, STATUSES } from '../domain/enums.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

/** Our trade with customer `c` in the year up to @today. */
const TRADE = `(SELECT total(d.amount) FROM deals d WHERE d.customer_id = c.id AND d.competitor IS NULL
                  AND d.deal_date > date(@today, '-365 days') AND d.deal_date <= @today)`;

/** Groups deeper than this are not followed (parents are checked for cycles on input). */
const MAX_DEPTH = 50;

/** The name of a file if the scope shows it. */
function nameInScope(db: Db, scope: Scope, id: number): string | null {
  const s = scopeSql(scope);
  const row = stmt(db, `SELECT c.name FROM customers c WHERE c.id = @id AND ${s.where}`).get({ ...s.params, id }) as { name: string } | undefined;
  return row?.name ?? null;
}

export interface ReferrerRow {
  referrer_id: number;
  referrer: string | null;
  referred: number;
  /** Of those referred, how many became cooperating customers. */
  cooperating: number;
  trade_12m: number;
  referred_ids: number[];
}

export function referralsByReferrer(db: Db, scope: Scope, today: string): ReferrerRow[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT c.referred_by AS referrer_id, count(*) AS referred, total(c.status = 'cooperating') AS cooperating,
            total(${TRADE}) AS trade_12m, group_concat(c.id) AS ids
       FROM customers c
      WHERE c.referred_by IS NOT NULL AND c.archived_at IS NULL AND ${s.where}
      GROUP BY c.referred_by
      ORDER BY referred DESC, trade_12m DESC, referrer_id`,
  ).all({ ...s.params, today }) as { referrer_id: number; referred: number; cooperating: number; trade_12m: number; ids: string }[];
  return rows.map(({ ids, ...r }) => ({
    ...r,
    referrer: nameInScope(db, scope, r.referrer_id),
    referred_ids: ids.split(',').map(Number).sort((a, b) => a - b),
  }));
}

export interface KindRow {
  kind: string;
  files: number;
  /** Files by status, every status present. */
  statuses: Record<string, number>;
  trade_12m: number;
}

export function filesByKind(db: Db, scope: Scope, today: string): KindRow[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT c.kind, c.status, count(*) AS n, total(${TRADE}) AS trade
       FROM customers c WHERE c.archived_at IS NULL AND ${s.where} GROUP BY c.kind, c.status`,
  ).all({ ...s.params, today }) as { kind: string; status: string; n: number; trade: number }[];
  return KINDS.map((k) => {
    const mine = rows.filter((r) => r.kind === k.value);
    return {
      kind: k.value,
      files: mine.reduce((a, r) => a + r.n, 0),
      statuses: Object.fromEntries(STATUSES.map((st) => [st.value, mine.find((r) => r.status === st.value)?.n ?? 0])),
      trade_12m: mine.reduce((a, r) => a + r.trade, 0),
    };
  });
}

export interface GroupRow {
  head_id: number;
  head: string | null;
  /** The files of the group the caller sees, head included when seen. */
  files: number;
  /** The head's own trade, and the whole group's rolled up to it. */
  head_trade_12m: number;
  group_trade_12m: number;
}

/** Groups with at least one branch or subsidiary, largest trade first. */
export function groupsRolledUp(db: Db, scope: Scope, today: string): GroupRow[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `WITH RECURSIVE tree(id, head, depth) AS (
       SELECT id, id, 0 FROM customers WHERE parent IS NULL
       UNION ALL
       SELECT c.id, tree.head, tree.depth + 1 FROM customers c JOIN tree ON c.parent = tree.id WHERE tree.depth < ${MAX_DEPTH})
     SELECT tree.head AS head_id, count(*) AS files,
            total(CASE WHEN c.id = tree.head THEN ${TRADE} END) AS head_trade_12m, total(${TRADE}) AS group_trade_12m
       FROM tree JOIN customers c ON c.id = tree.id
      WHERE c.archived_at IS NULL AND ${s.where}
      GROUP BY tree.head
     HAVING sum(c.id <> tree.head) > 0
      ORDER BY group_trade_12m DESC, head_id`,
  ).all({ ...s.params, today }) as Omit<GroupRow, 'head'>[];
  return rows.map((r) => ({ ...r, head: nameInScope(db, scope, r.head_id) }));
}
