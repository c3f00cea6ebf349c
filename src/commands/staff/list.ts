// crm staff list [--all] [--json]
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { listStaff } from '../../db/staff.js';
import { optionLabel, ROLES } from '../../domain/enums.js';
import { formatPhone } from '../../domain/phone-format.js';
import { withSession } from '../../session.js';
import { showRows } from '../rows-view.js';

export async function run(ctx: Context, o: { all?: boolean; json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'staff list', (s) => readTransaction(s.db, () => listStaff(s.db, !!o.all)));
  await showRows(ctx, o.json, rows, {
    json: (r) => ({
      login: r.login,
      name: r.name,
      role: r.role,
      region: r.region,
      product_line: r.product_line,
      phone: r.phone,
      email: r.email,
      active: r.active === 1,
    }),
    head: ['login', 'name', 'role', 'region', 'product_line', 'phone', 'email', 'active'].map((k) => ctx.t(`staff.col_${k}` as never)),
    cells: (r) => [
      r.login,
      r.name,
      optionLabel(ROLES, r.role, ctx.lang),
      r.region ?? '',
      r.product_line ?? '',
      r.phone ? formatPhone(r.phone) : '',
      r.email ?? '',
      r.active ? ctx.t('word.yes') : ctx.t('word.no'),
    ],
  });
}
