// crm show ID: the whole customer file as a sheet, or as the contract's JSON card.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { consultTransaction } from '../db/database.js';
import { staffById } from '../db/staff.js';
import { formatCustomerId } from '../domain/ids.js';
import { maskContact } from '../domain/masking.js';
import { masksPersonalData } from '../domain/scope.js';
import { cardJson } from '../io/card-json.js';
import { withSession } from '../session.js';
import { loadCard, requireCustomer } from './customer-file.js';

export async function run(ctx: Context, idText: string, o: { json?: boolean }): Promise<void> {
  const { card, verifier } = await withSession(ctx, 'show', (s) =>
    consultTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText);
      logAccess(s.db, s.actor, 'show', [{ customerId: row.id, basis }]);
      const card = loadCard(s, row);
      // Seen only through a request: the contacts' personal data stays masked (PIPL).
      if (masksPersonalData(basis)) card.contacts = card.contacts.map(maskContact);
      const verifiedBy = row.verified_by;
      return { card, verifier: verifiedBy === null ? undefined : staffById(s.db, verifiedBy as number) };
    }),
  );
  if (o.json) return printJson(ctx, cardJson(card));
  // The sheet's table and colour libraries are loaded only for people, not for --json.
  const [{ renderSheet }, { paint }] = await Promise.all([import('../io/card-sheet.js'), import('../io/format.js')]);
  const { row } = card;
  const c = paint(ctx);
  const notes = [
    row.verified_at
      ? c.green(ctx.t('show.verified', { at: String(row.verified_at).slice(0, 10), by: verifier?.login ?? '', how: String(row.verified_how ?? '') }))
      : c.yellow(ctx.t('show.unverified')),
    c.dim(ctx.t('show.timestamps', { created: row.created_at.slice(0, 10), updated: row.updated_at.slice(0, 10) })),
  ];
  const sheet = renderSheet(ctx, {
    title: `${ctx.t('show.title')}  ${formatCustomerId(row.id)}  ${row.name}`,
    values: { ...row, owner: row.owner_login },
    contacts: card.contacts,
    staff: card.staff,
    notes,
  });
  print(ctx, `${sheet}\n\n${c.cyan(`── ${ctx.t('show.trade_heading')} ──`)}\n${c.dim(ctx.t('show.no_trade'))}`);
}
