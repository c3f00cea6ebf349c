// crm list [filters]: the customers the caller may see. A paged table on a terminal, tab-separated
// lines in a pipe, every matching row with --json (unless --limit).
import { print, printJson, warn, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { listCustomers, type ListFilters, type SortKey } from '../db/customers.js';
import { loadPolicy } from '../db/policy.js';
import { staffByLogin } from '../db/staff.js';
import { isoDate } from '../domain/date.js';
import { parseTier, tierRange } from '../domain/tier.js';
import { CUSTOMER_FIELDS, fieldByKey, normalizeEnumField } from '../domain/card-fields.js';
import { optionLabel, STATUSES } from '../domain/enums.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatPhone } from '../domain/phone-format.js';
import { maskPhone } from '../domain/masking.js';
import { masksPersonalData } from '../domain/scope.js';
import { foldForSearch } from '../domain/search-query.js';
import { NotFoundError, UsageError } from '../errors.js';
import { withSession } from '../session.js';

export interface ListOptions {
  status?: string;
  grade?: string;
  region?: string;
  industry?: string;
  owner?: string;
  source?: string;
  search?: string;
  tier?: string;
  sort: SortKey;
  desc?: boolean;
  limit?: string;
  page?: string;
  json?: boolean;
}

/** Rows per page of the terminal table. */
const PAGE_SIZE = 50;

function positive(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('list.bad_number', { flag, value });
  return n;
}

function enumFilter(key: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : normalizeEnumField(fieldByKey(CUSTOMER_FIELDS, key)!, value);
}

export async function run(ctx: Context, o: ListOptions): Promise<void> {
  const limitFlag = positive('--limit', o.limit);
  const pageFlag = positive('--page', o.page);
  // Paging is for the terminal table only: scripts get every row unless they ask for a limit.
  const paged = !o.json && !!ctx.io.stdout.isTTY;
  const limit = limitFlag ?? (paged ? PAGE_SIZE : null);
  const offset = limit === null ? 0 : ((pageFlag ?? 1) - 1) * limit;
  const search = o.search === undefined ? undefined : foldForSearch(o.search);
  if (search === '') throw new UsageError('list.empty_search', {});
  const tier = o.tier === undefined ? undefined : parseTier(o.tier);
  if (tier === null) throw new UsageError('list.bad_tier', { value: o.tier! });

  const { rows, total } = await withSession(ctx, 'list', (s) =>
    consultTransaction(s.db, () => {
      const filters: ListFilters = {
        status: enumFilter('status', o.status),
        grade: enumFilter('grade', o.grade),
        source: enumFilter('source', o.source),
        region: o.region,
        industry: o.industry,
        search,
        ...(tier ? { spend: { asOf: isoDate(ctx.now()), ...tierRange(tier, loadPolicy(s.db)) } } : {}),
      };
      if (o.owner !== undefined) {
        const owner = staffByLogin(s.db, o.owner);
        if (!owner) throw new NotFoundError('staff.not_found', { login: o.owner });
        filters.ownerId = owner.id;
      }
      const listed = listCustomers(s.db, filters, s.scope, { by: o.sort, desc: !!o.desc }, { limit, offset });
      // Each listed file is a consultation (POLICY §6).
      logAccess(s.db, s.actor, 'list', listed.rows.map((r) => ({ customerId: r.id, basis: r.basis })));
      for (const r of listed.rows) if (masksPersonalData(r.basis) && r.contact_mobile) r.contact_mobile = maskPhone(r.contact_mobile);
      return listed;
    }),
  );

  if (o.json) {
    printJson(
      ctx,
      rows.map((r) => ({
        id: formatCustomerId(r.id),
        name: r.name,
        status: r.status,
        grade: r.grade,
        region: r.region,
        industry: r.industry,
        source: r.source,
        owner: r.owner_login,
        phone: r.phone,
        contact_name: r.contact_name,
        contact_mobile: r.contact_mobile,
        updated_at: r.updated_at,
      })),
    );
    return;
  }
  if (total === 0) return warn(ctx, ctx.t('list.none'));
  const { renderTable } = await import('../io/table.js');
  const head = ['id', 'name', 'status', 'grade', 'region', 'industry', 'owner', 'contact', 'phone'].map((k) => ctx.t(`list.col_${k}` as never));
  const body = rows.map((r) => [
    formatCustomerId(r.id),
    r.name,
    optionLabel(STATUSES, r.status, ctx.lang),
    r.grade ?? '',
    r.region ?? '',
    r.industry ?? '',
    r.owner_login ?? '',
    r.contact_name ?? '',
    r.contact_mobile ? (masksPersonalData(r.basis) ? r.contact_mobile : formatPhone(r.contact_mobile)) : r.phone ? formatPhone(r.phone) : '',
  ]);
  print(ctx, renderTable(ctx, head, body));
  if (paged && limit !== null) {
    const page = pageFlag ?? 1;
    const last = Math.max(1, Math.ceil(total / limit));
    warn(ctx, ctx.t('list.page', { from: offset + 1, to: offset + rows.length, total, page, last }));
  }
}
