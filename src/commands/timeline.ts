// crm timeline CUSTOMER_ID [--json]: everything that happened with a customer, newest first, one
// line each: visits, notes and complaints, surveys, deals, evaluations, status, grade and other
// changes of the file. A consultation of the file, logged as such.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { customerTimeline, type TimelineRow } from '../db/timeline.js';
import { CUSTOMER_FIELDS, fieldByKey } from '../domain/card-fields.js';
import { statusLabel } from '../domain/lifecycle.js';
import { formatMoney } from '../domain/money.js';
import type { MessageKey } from '../i18n/messages.js';
import { messageOr, pick } from '../i18n/translate.js';
import { displayValue } from '../io/format.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export interface TimelineEvent {
  date: string;
  kind: string;
  summary: string;
  id: number;
}

const oneLine = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A field of the record that is not on the card (archived_at …), named as crm history names it. */
function recordFieldLabel(ctx: Context, key: string): string {
  return messageOr(ctx.t, `history.field_${key}`, key);
}

/** The one-line summary of an event, in the user's language. */
export function summarize(ctx: Context, r: TimelineRow): string {
  const flag = r.flag ? ` ${ctx.t('timeline.abnormal')}` : '';
  switch (r.kind) {
    case 'visit':
      return `${r.b === 'planned' ? ctx.t('timeline.planned') + ' ' : ''}${oneLine(r.a)}${r.c ? ` — ${r.c}` : ''}${flag}`.trim();
    case 'complaint': {
      const status = r.b ? `[${ctx.t(`complaint.status_${r.b}` as MessageKey)}] ` : '';
      const resolution = r.c ? ` — ${ctx.t('timeline.resolution', { text: oneLine(r.c) })}` : '';
      return `${status}${oneLine(r.a)}${resolution}${flag}`;
    }
    case 'survey':
      return `${ctx.t('timeline.survey', { score: r.b ?? '' })}${r.a ? ` — ${oneLine(r.a)}` : ''}`;
    case 'deal':
    case 'competitor-deal': {
      const amount = formatMoney(Number(r.b), ctx.lang);
      return [r.a, amount, r.c].filter((x) => x).join(' · ');
    }
    case 'evaluation':
      return ctx.t('timeline.evaluation', { grade: r.a ?? '', total: r.b === null ? '' : String(Math.round(Number(r.b) * 10) / 10) });
    case 'created':
      return ctx.t('timeline.created');
    case 'status':
    case 'grade':
    case 'field': {
      const def = r.a === null ? undefined : fieldByKey(CUSTOMER_FIELDS, r.a);
      const label = def ? pick(ctx.lang, def) : recordFieldLabel(ctx, r.a ?? '');
      // Values as the sheet shows them (0755 8376 5432, not +8675583765432; 潜在客户, not potential).
      const shown = (v: string) => (r.kind === 'status' ? pick(ctx.lang, statusLabel(v)) : def ? displayValue(ctx, def, v) : v);
      const value = (v: string | null) => (v === null ? '—' : oneLine(shown(v)) || '—');
      return `${label}: ${value(r.b)} → ${value(r.c)}`;
    }
    default:
      // call, letter, fax, email, meeting, change, feedback
      return `${oneLine(r.a)}${flag}`;
  }
}

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'timeline', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText, 'read');
      logAccess(s.db, s.actor, 'timeline', [{ customerId: row.id, basis }]);
      return customerTimeline(s.db, row.id);
    }),
  );
  const events: TimelineEvent[] = rows.map((r) => ({ date: r.date, kind: r.kind, summary: summarize(ctx, r), id: r.id }));
  if (o.json) return printJson(ctx, events);
  if (events.length === 0) return print(ctx, ctx.t('timeline.empty'));
  const lines = events.map((e) => {
    const summary = e.summary.length > 120 ? e.summary.slice(0, 119) + '…' : e.summary;
    return `${e.date}  ${ctx.t(`timeline.kind_${e.kind}` as MessageKey)}  ${summary}`;
  });
  print(ctx, lines.join('\n'));
}
