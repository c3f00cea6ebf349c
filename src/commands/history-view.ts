// A history row as people read it, in `crm history` and in a contact's privacy export: when, who
// (the staff member and the OS login behind them), which field of which record, and values as the
// sheet shows them (潜在客户, not potential; 138 0013 8000; C000012). History keeps text.
import type { Context } from '../context.js';
import { WHOLE_RECORD, type HistoryRow } from '../db/history.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, type FieldDef } from '../domain/card-fields.js';
import { optionLabel, STATUSES } from '../domain/enums.js';
import { CRITERIA } from '../domain/policy.js';
import { messageOr, pick } from '../i18n/translate.js';
import { displayValue } from '../io/format.js';

/** A stored timestamp to the second, as people read it (2026-11-23 10:00:00). */
export function shownAt(at: string): string {
  return at.replace('T', ' ').slice(0, 19);
}

/** The acting staff member, and the OS login when someone acted as another (admin --as). */
export function shownActor(staff: string | null, osLogin: string): string {
  return staff === osLogin ? osLogin : `${staff ?? '?'} (${osLogin})`;
}

/** Yes/no fields of the records besides the card, stored as text 'true'/'false' when changed. */
const FLAGS = ['abnormal', 'long_term', 'active', 'acknowledged'];

/** Keys a whole record repeats that the reader of this customer's history already knows. */
const IMPLIED = ['customer_id'];

/** A history row in JSON: stored values as they are (codes, numbers, whole records as JSON text). */
export function historyJson(r: HistoryRow) {
  return { at: r.at, staff: r.staff_login, os_login: r.os_login, command: r.command, entity: r.entity, entity_id: r.entity_id, field: r.field, old_value: r.old_value, new_value: r.new_value };
}

/**
 * The head of a history table and a row's cells. `oneRecord`: every row is about the same record
 * (a contact's privacy export), so fields are not prefixed with the record (联系人 #3 手机).
 */
export function historyView(ctx: Context, oneRecord = false): { head: string[]; cells(r: HistoryRow): string[] } {
  // Customer and contact rows use the card's fields; the rest (deals, payments …) name theirs in the catalogue.
  const defs = (r: HistoryRow): readonly FieldDef[] => (r.entity === 'contact' ? CONTACT_FIELDS : r.entity === 'customer' ? CUSTOMER_FIELDS : []);
  const label = (r: HistoryRow, key: string) => {
    const def = fieldByKey(defs(r), key);
    if (def) return pick(ctx.lang, def);
    const criterion = r.entity === 'evaluation' ? CRITERIA.find((c) => c.key === key) : undefined;
    if (criterion) return pick(ctx.lang, criterion);
    // A label for this kind of record first (an evaluation's method is not a verification's).
    return messageOr(ctx.t, `history.field_${r.entity}_${key}`, messageOr(ctx.t, `history.field_${key}`, key));
  };
  // Codes other records keep, in the words their commands show them in (电话, 待处理, 已合作).
  const coded = (r: HistoryRow, key: string, v: unknown): string => {
    const code = String(v);
    const known = (k: string) => messageOr(ctx.t, k, code);
    if (r.entity === 'note' && key === 'kind') return known(`timeline.kind_${code}`);
    if (key === 'complaint_status') return known(`complaint.status_${code}`);
    if (key === 'status_then') return optionLabel(STATUSES, code, ctx.lang);
    if (FLAGS.includes(key) && (code === 'true' || code === 'false')) return ctx.t(code === 'true' ? 'word.yes' : 'word.no');
    return code;
  };
  const whole = (r: HistoryRow) => r.field === WHOLE_RECORD;
  const field = (r: HistoryRow) => {
    const name = whole(r) ? ctx.t(r.new_value === null ? 'history.removed' : 'history.created') : label(r, r.field);
    if (oneRecord || r.entity === 'customer') return name;
    const entity = r.entity === 'contact' ? ctx.t('history.contact') : ctx.t(`history.entity_${r.entity}` as never);
    return `${entity} #${r.entity_id} ${name}`;
  };
  const shown = (r: HistoryRow, key: string, v: unknown): string => {
    if (v === null || v === undefined) return '';
    const def = fieldByKey(defs(r), key);
    if (!def) return coded(r, key, v);
    if (def.type === 'bool') return ctx.t(v === true || v === 1 || v === 'true' || v === '1' ? 'word.yes' : 'word.no');
    return displayValue(ctx, def, def.type === 'money' || def.type === 'customer' ? Number(v) : v);
  };
  // A whole record's values, one "label: value" per line, as the sheet names them.
  const value = (r: HistoryRow, text: string | null) =>
    text !== null && whole(r)
      ? Object.entries(JSON.parse(text) as Record<string, unknown>)
          .filter(([k]) => !IMPLIED.includes(k))
          .map(([k, v]) => `${label(r, k)}: ${shown(r, k, v)}`)
          .join('\n')
      : shown(r, r.field, text);
  return {
    head: ['at', 'who', 'command', 'field', 'old', 'new'].map((k) => ctx.t(`history.col_${k}` as never)),
    cells: (r) => [shownAt(r.at), shownActor(r.staff_login, r.os_login), r.command, field(r), value(r, r.old_value), value(r, r.new_value)],
  };
}
