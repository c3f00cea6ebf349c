// crm list [filters]: the customers the caller may see. A paged table on a terminal, tab-separated
// lines in a pipe, every matching row with --json (unless --limit).
import { print, printJson, warn, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { listCustomers, type SortKey } from '../db/customers.js';
import { isoDate } from '../domain/date.js';
import { optionLabel, STATUSES } from '../domain/enums.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatPhone } from '../domain/phone-format.js';
import { maskPhone } from '../domain/masking.js';
import { masksPersonalData } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { listFilters, type FilterOptions } from './list-filters.js';

export interface ListOptions extends FilterOptions {
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

export async function run(ctx: Context, o: ListOptions): Promise<void> {
  const limitFlag = positive('--limit', o.limit);
  const pageFlag = positive('--page', o.page);
  // Paging is for the terminal table only: scripts get every row unless they ask for a limit.
  const paged = !o.json && !!ctx.io.stdout.isTTY;
  const limit = limitFlag ?? (paged ? PAGE_SIZE : null);
  const offset = limit === null ? 0 : ((pageFlag ?? 1) - 1) * limit;

  const { rows, total } = await withSession(ctx, 'list', (s) =>
    consultTransaction(s.db, () => {
      const filters = listFilters(s, o, isoDate(ctx.now()));
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
        kind: r.kind,
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
  const page = pageFlag ?? 1;
  const last = limit === null ? 1 : Math.max(1, Math.ceil(total / limit));
  // An empty page of a table would read as "nothing matches"; scripts paging with --json stop on [].
  if (rows.length === 0) throw new UsageError('list.page_past_end', { page, total, last });
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
    warn(ctx, ctx.t('list.page', { from: offset + 1, to: offset + rows.length, total, page, last }));
  }
}
