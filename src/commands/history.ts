// crm history ID: every change to a customer file, oldest first: when, who (staff and OS login),
// through which command, which field, from what to what.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { customerHistory, WHOLE_RECORD } from '../db/history.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, type FieldDef } from '../domain/card-fields.js';
import { pick } from '../i18n/translate.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'history', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText);
      logAccess(s.db, s.actor, 'history', [{ customerId: row.id, basis }]);
      return customerHistory(s.db, row.id);
    }),
  );
  if (o.json) {
    printJson(
      ctx,
      rows.map((r) => ({
        at: r.at,
        staff: r.staff_login,
        os_login: r.os_login,
        command: r.command,
        entity: r.entity,
        entity_id: r.entity_id,
        field: r.field,
        old_value: r.old_value,
        new_value: r.new_value,
      })),
    );
    return;
  }
  if (rows.length === 0) return print(ctx, ctx.t('history.empty'));
  const { renderTable } = await import('../io/table.js');
  const head = ['at', 'who', 'command', 'field', 'old', 'new'].map((k) => ctx.t(`history.col_${k}` as never));
  const who = (r: (typeof rows)[number]) => (r.staff_login === r.os_login ? r.os_login : `${r.staff_login ?? '?'} (${r.os_login})`);
  // The card's label in the user's language, as on the sheet (联系人 #3 手机).
  const label = (defs: readonly FieldDef[], key: string) => {
    const def = fieldByKey(defs, key);
    return def ? pick(ctx.lang, def) : key;
  };
  type Row = (typeof rows)[number];
  const defs = (r: Row) => (r.entity === 'contact' ? CONTACT_FIELDS : CUSTOMER_FIELDS);
  const whole = (r: Row) => r.field === WHOLE_RECORD;
  const field = (r: Row) => {
    const name = whole(r) ? ctx.t(r.new_value === null ? 'history.removed' : 'history.created') : label(defs(r), r.field);
    return r.entity === 'contact' ? `${ctx.t('history.contact')} #${r.entity_id} ${name}` : name;
  };
  // A whole record's values, one "label: value" per line, as the sheet names them.
  const value = (r: Row, text: string | null) =>
    text !== null && whole(r)
      ? Object.entries(JSON.parse(text) as Record<string, unknown>)
          .map(([k, v]) => `${label(defs(r), k)}: ${String(v)}`)
          .join('\n')
      : (text ?? '');
  print(
    ctx,
    renderTable(ctx, head, rows.map((r) => [r.at.replace('T', ' ').slice(0, 19), who(r), r.command, field(r), value(r, r.old_value), value(r, r.new_value)])),
  );
}
