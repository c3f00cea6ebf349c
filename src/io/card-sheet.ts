// The customer file as a readable sheet (客户基本资料卡), section by section, with the policy's
// terms as labels. Used by `show` and by the summary before `add` saves.
import type { Context } from '../context.js';
import type { ContactRow } from '../db/customers.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, SECTIONS, type SectionKey, type Values } from '../domain/card-fields.js';
import { pick } from '../i18n/translate.js';
import { displayValue, displayWidth, padEnd, paint } from './format.js';
import { renderTable } from './table.js';

export interface SheetInput {
  title: string;
  values: Values;
  contacts: (Values | ContactRow)[];
  staff: string[];
  /** Extra lines under the title (verification, timestamps). */
  notes?: string[];
  /** Fields to flag beside their value (stale ones, in `show`). */
  marked?: { keys: string[]; label: string };
}

const CARD_SECTIONS: SectionKey[] = ['basic', 'registration', 'characteristics', 'classification'];

export function renderSheet(ctx: Context, sheet: SheetInput): string {
  const c = paint(ctx);
  const lines: string[] = [c.bold(sheet.title), ...(sheet.notes ?? [])];
  const heading = (text: string) => lines.push('', c.cyan(`── ${text} ──`));
  const labelWidth = Math.max(...CUSTOMER_FIELDS.map((f) => displayWidth(pick(ctx.lang, f))));
  for (const section of CARD_SECTIONS) {
    heading(pick(ctx.lang, SECTIONS[section]));
    for (const f of CUSTOMER_FIELDS.filter((x) => x.section === section)) {
      const shown = displayValue(ctx, f, sheet.values[f.key]);
      const mark = sheet.marked?.keys.includes(f.key) ? `  ${c.yellow(sheet.marked.label)}` : '';
      lines.push(`${padEnd(pick(ctx.lang, f), labelWidth)}  ${shown === '' ? c.dim('—') : shown}${mark}`);
    }
  }
  heading(pick(ctx.lang, SECTIONS.contact));
  if (sheet.contacts.length === 0) lines.push(c.dim(ctx.t('show.no_contacts')));
  else {
    const cols = CONTACT_FIELDS.filter((f) => sheet.contacts.some((k) => (k as Values)[f.key] !== null && (k as Values)[f.key] !== undefined && (k as Values)[f.key] !== 0 && (k as Values)[f.key] !== false));
    const hasIds = sheet.contacts.some((k) => 'id' in k);
    const head = [...(hasIds ? ['#'] : []), ...cols.map((f) => pick(ctx.lang, f))];
    const rows = sheet.contacts.map((k) => [
      ...(hasIds ? [String((k as ContactRow).id)] : []),
      ...cols.map((f) => displayValue(ctx, f, (k as Values)[f.key])),
    ]);
    lines.push(renderTable(ctx, head, rows));
  }
  heading(ctx.t('show.staff_heading'));
  lines.push(sheet.staff.length ? sheet.staff.join(', ') : c.dim(ctx.t('show.no_staff')));
  return lines.join('\n');
}
