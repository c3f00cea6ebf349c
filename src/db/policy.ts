// Stored policy settings: only those that differ from the defaults in src/domain/policy.ts.
import { effectivePolicy, type Policy, type PolicyKey } from '../domain/policy.js';
import type { Db } from './database.js';
import { stmt } from './statements.js';

function storedSettings(db: Db): Partial<Record<PolicyKey, string>> {
  const rows = stmt(db, 'SELECT key, value FROM policy_settings').all() as { key: PolicyKey; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The policy in force for this database. */
export function loadPolicy(db: Db): Policy {
  return effectivePolicy(storedSettings(db));
}

export function saveSetting(db: Db, key: PolicyKey, value: string, staffId: number, at: string): void {
  stmt(
    db,
    `INSERT INTO policy_settings (key, value, staff_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
  ).run(key, value, staffId, at);
}
