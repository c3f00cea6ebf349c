// crm history ID: every change to a customer file, oldest first: when, who (staff and OS login),
// through which command, which field, from what to what.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { customerHistory, WHOLE_RECORD } from '../db/history.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, type FieldDef } from '../domain/card-fields.js';
import { pick } from '../i18n/translate.js';
import { displayValue } from '../io/format.js';
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
  type Row = (typeof rows)[number];
  // Customer and contact rows use the card's fields; the rest (deals, payments …) name theirs here.
  const defs = (r: Row): readonly FieldDef[] => (r.entity === 'contact' ? CONTACT_FIELDS : r.entity === 'customer' ? CUSTOMER_FIELDS : []);
  // The label in the user's language, as on the sheet (联系人 #3 手机).
  const label = (r: Row, key: string) => {
    const def = fieldByKey(defs(r), key);
    if (def) return pick(ctx.lang, def);
    const text = ctx.t(`history.field_${key}` as never);
    return text === `history.field_${key}` ? key : text;
  };
  const whole = (r: Row) => r.field === WHOLE_RECORD;
  const field = (r: Row) => {
    const name = whole(r) ? ctx.t(r.new_value === null ? 'history.removed' : 'history.created') : label(r, r.field);
    if (r.entity === 'customer') return name;
    const entity = r.entity === 'contact' ? ctx.t('history.contact') : ctx.t(`history.entity_${r.entity}` as never);
    return `${entity} #${r.entity_id} ${name}`;
  };
  // A value as the sheet shows it (潜在客户, not potential; C000012, not 12); history keeps text.
  const shown = (r: Row, key: string, v: unknown): string => {
    if (v === null || v === undefined) return '';
    const def = fieldByKey(defs(r), key);
    if (!def) return String(v);
    if (def.type === 'bool') return ctx.t(v === true || v === 1 || v === 'true' || v === '1' ? 'word.yes' : 'word.no');
    return displayValue(ctx, def, def.type === 'money' || def.type === 'customer' ? Number(v) : v);
  };
  // A whole record's values, one "label: value" per line, as the sheet names them.
  const value = (r: Row, text: string | null) =>
    text !== null && whole(r)
      ? Object.entries(JSON.parse(text) as Record<string, unknown>)
          .map(([k, v]) => `${label(r, k)}: ${shown(r, k, v)}`)
          .join('\n')
      : shown(r, r.field, text);
  print(
    ctx,
    renderTable(ctx, head, rows.map((r) => [r.at.replace('T', ' ').slice(0, 19), who(r), r.command, field(r), value(r, r.old_value), value(r, r.new_value)])),
  );
}
