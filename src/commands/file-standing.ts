// What `show` tells about a file's keeping besides its card: whether it or some of its fields are
// stale (neither entered, changed nor confirmed within the policy's stale_days), whether it is
// archived and by whom, the customers it referred, and the group of parent and branches it
// belongs to. Related files outside the caller's scope are named by id only. Kept off the
// customer-writing code, whose pinyin dictionary `show` must not load.
import { fieldChangeTimes, confirmationsOf, groupOf, referredBy, type GroupMember, type RelatedFile } from '../db/file-keeping.js';
import type { CustomerRow } from '../db/customers.js';
import { loadPolicy } from '../db/policy.js';
import { staffById } from '../db/staff.js';
import { isStale, latest, staleCutoff, staleFields } from '../domain/file-keeping.js';
import { formatCustomerId } from '../domain/ids.js';
import type { Session } from '../session.js';

export interface FileStanding {
  staleDays: number;
  /** Last updated or verified, whichever is later. */
  lastTouched: string;
  stale: boolean;
  staleFields: string[];
  archivedBy: string | null;
  referrals: RelatedFile[];
  group: GroupMember[];
}

export function fileStanding(s: Session, row: CustomerRow, today: string): FileStanding {
  const staleDays = loadPolicy(s.db).staleDays;
  const cutoff = staleCutoff(today, staleDays);
  const lastTouched = latest(row.updated_at, row.verified_at)!;
  const archivedBy = row.archived_by === null ? null : (staffById(s.db, row.archived_by as number)?.login ?? null);
  return {
    staleDays,
    lastTouched,
    stale: isStale(lastTouched, cutoff),
    staleFields: staleFields({ values: { ...row, owner: row.owner_login }, createdAt: row.created_at, changedAt: fieldChangeTimes(s.db, row.id), confirmations: confirmationsOf(s.db, row.id), cutoff }),
    archivedBy,
    referrals: referredBy(s.db, s.scope, row.id),
    group: groupOf(s.db, s.scope, row.id),
  };
}

/** The standing's keys in `show --json`. */
export function standingJson(row: CustomerRow, f: FileStanding): Record<string, unknown> {
  const related = (r: RelatedFile) => ({ id: formatCustomerId(r.id), name: r.name });
  return {
    stale: f.stale,
    stale_fields: f.staleFields,
    archived: row.archived_at !== null,
    archived_at: row.archived_at,
    archive_reason: row.archive_reason,
    referrals: f.referrals.map(related),
    group: f.group.map((m) => ({ ...related(m), parent: m.parent === null ? null : formatCustomerId(m.parent) })),
  };
}
