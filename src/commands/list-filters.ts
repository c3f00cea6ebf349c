// The customer filters `list`, `export` and `assign` share (--status --grade --region --industry
// --owner --source --search --tier --kind --unassigned --archived), checked and turned into the
// database's ListFilters. Archived files are left out unless --archived asks for them.
import type { ListFilters } from '../db/customers.js';
import { loadPolicy } from '../db/policy.js';
import { staffByLogin } from '../db/staff.js';
import { CUSTOMER_FIELDS, fieldByKey, normalizeEnumField } from '../domain/card-fields.js';
import { foldSearchQuery } from '../domain/search-query.js';
import { parseTier, tierRange } from '../domain/tier.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Session } from '../session.js';

export interface FilterOptions {
  status?: string;
  grade?: string;
  region?: string;
  industry?: string;
  owner?: string;
  source?: string;
  search?: string;
  tier?: string;
  kind?: string;
  unassigned?: boolean;
  archived?: boolean;
}

function enumFilter(key: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : normalizeEnumField(fieldByKey(CUSTOMER_FIELDS, key)!, value);
}

/** `today` anchors the tier's year of spend. */
export function listFilters(s: Session, o: FilterOptions, today: string): ListFilters {
  const search = o.search === undefined ? undefined : foldSearchQuery(o.search);
  if (search === '') throw new UsageError('list.empty_search', {});
  const tier = o.tier === undefined ? undefined : parseTier(o.tier);
  if (tier === null) throw new UsageError('list.bad_tier', { value: o.tier! });
  const owner = o.owner === undefined ? undefined : staffByLogin(s.db, o.owner);
  if (owner === undefined && o.owner !== undefined) throw new NotFoundError('staff.not_found', { login: o.owner });
  if (owner && o.unassigned) throw new UsageError('files.owner_and_unassigned', {});
  return {
    status: enumFilter('status', o.status),
    grade: enumFilter('grade', o.grade),
    source: enumFilter('source', o.source),
    kind: enumFilter('kind', o.kind),
    unassigned: !!o.unassigned,
    archived: !!o.archived,
    region: o.region,
    industry: o.industry,
    search,
    ...(owner ? { ownerId: owner.id } : {}),
    ...(tier ? { spend: { asOf: today, ...tierRange(tier, loadPolicy(s.db)) } } : {}),
  };
}
