// crm assign ID[,ID…] --to LOGIN [--reason TEXT] | crm assign --to LOGIN [list filters]: gives
// files to an owner (POLICY §1, §8: new and retired customers are reviewed and assigned by the
// manager). Regional managers, management, the records clerk and the administrator assign,
// within the files they may change; a rep is refused. Files are named by id or chosen with the
// list filters (`--unassigned --region 华南`); more than three changing owner are confirmed on a
// terminal, and need --yes without one. Each run is recorded with its reason, and each owner
// change is in the history as "assign #N".
import { print, printJson, type Context } from '../context.js';
import { readTransaction, writeTransaction } from '../db/database.js';
import { changeCustomer } from '../db/customer-writes.js';
import { getCustomer, listCustomers, type CustomerRow } from '../db/customers.js';
import { recordAssignment } from '../db/file-keeping.js';
import { recordCreated } from '../db/history.js';
import { basisFor } from '../db/scope-sql.js';
import { staffByLogin } from '../db/staff.js';
import { isoDate } from '../domain/date.js';
import { CONFIRM_ABOVE } from '../domain/file-keeping.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayReassign } from '../domain/scope.js';
import { blankToNull } from '../domain/text.js';
import { CancelledError, NeedsInputError, PermissionError, UsageError } from '../errors.js';
import { withSession, type Session } from '../session.js';
import { requireCustomer } from './customer-file.js';
import { listFilters, type FilterOptions } from './list-filters.js';

export interface AssignOptions extends FilterOptions {
  to: string;
  reason?: string;
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const FILTER_KEYS = ['status', 'grade', 'region', 'industry', 'owner', 'source', 'search', 'tier', 'kind', 'unassigned', 'archived'] as const;

interface Move {
  id: number;
  name: string;
  from: string | null;
}

/** The receiver: an active staff member with a customer role (`other` staff see no files). */
function receiver(s: Session, login: string): { id: number; login: string } {
  const to = staffByLogin(s.db, login);
  if (!to) throw new UsageError('assign.to_unknown', { login });
  if (!to.active) throw new UsageError('assign.to_inactive', { login });
  if (to.role === 'other') throw new UsageError('assign.to_no_role', { login });
  return { id: to.id, login: to.login };
}

/** The files named or matched that would change owner; files already the receiver's are left. */
function chooseFiles(s: Session, ids: string[], o: AssignOptions, toLogin: string, today: string): { moves: Move[]; unchanged: number } {
  const rows = ids.length
    ? ids.map((id) => requireCustomer(s, id, 'change').row).map((r) => ({ id: r.id, name: r.name, owner_login: r.owner_login }))
    : listCustomers(s.db, listFilters(s, o, today), s.writeScope, { by: 'id', desc: false }, { limit: null, offset: 0 }).rows;
  const moves = rows.filter((r) => r.owner_login !== toLogin).map((r) => ({ id: r.id, name: r.name, from: r.owner_login }));
  return { moves, unchanged: rows.length - moves.length };
}

/** One line per file: C000007  珠海格力配件有限公司  zhangwei → lina. */
function printMoves(ctx: Context, moves: Move[], to: string): void {
  for (const m of moves) print(ctx, `${formatCustomerId(m.id)}  ${m.name}  ${m.from ?? '—'} → ${to}`);
}

export async function run(ctx: Context, idArgs: string[], o: AssignOptions): Promise<void> {
  const ids = [...new Set(idArgs.flatMap((a) => a.split(/[,，]/)).map((x) => x.trim()).filter(Boolean))];
  const filtered = FILTER_KEYS.some((k) => o[k] !== undefined);
  if (ids.length > 0 && filtered) throw new UsageError('assign.ids_and_filters', {});
  if (ids.length === 0 && !filtered) throw new UsageError('assign.nothing_named', {});
  const reason = blankToNull(o.reason);
  const today = isoDate(ctx.now());

  let listed = false;
  const done = await withSession(ctx, 'assign', async (s) => {
    if (!mayReassign(s.caller)) throw new PermissionError('assign.denied', {});
    const to = receiver(s, o.to);
    const plan = readTransaction(s.db, () => chooseFiles(s, ids, o, to.login, today));
    if (o.dryRun) return { assignment: null, to: to.login, ...plan };
    if (plan.moves.length > CONFIRM_ABOVE && !o.yes) {
      if (!ctx.interactive) throw new NeedsInputError('assign.needs_yes', { n: plan.moves.length });
      // The files first, as --dry-run lists them: one confirms what one has seen, not a count.
      printMoves(ctx, plan.moves, to.login);
      listed = true;
      const p = await ctx.prompter();
      if (!(await p.confirm(ctx.t('assign.confirm', { n: plan.moves.length, to: to.login }), false))) throw new CancelledError('assign.cancelled');
    }
    // The files confirmed, each checked again now that the write lock is held.
    return writeTransaction(s.db, () => {
      const rows = plan.moves
        .map((m) => getCustomer(s.db, m.id))
        .filter((r): r is CustomerRow => r !== undefined && r.owner_id !== to.id && basisFor(s.db, s.writeScope, r.id) !== null);
      // Nothing to move: no assignment to record.
      if (rows.length === 0) return { assignment: null, to: to.login, moves: [], unchanged: plan.unchanged };
      const assignment = recordAssignment(s.db, s.actor, to.id, reason, rows.length);
      const actor = { ...s.actor, command: `assign #${assignment}` };
      recordCreated(s.db, actor, { entity: 'assignment', entityId: assignment, customerId: null }, { to: to.login, reason, files: rows.length });
      for (const row of rows) changeCustomer(s.db, actor, row, { owner: to.login }, to.id);
      const moved = new Set(rows.map((r) => r.id));
      return { assignment, to: to.login, moves: plan.moves.filter((m) => moved.has(m.id)), unchanged: plan.unchanged };
    });
  });

  const moves = done.moves.map((m) => ({ id: formatCustomerId(m.id), name: m.name, from: m.from }));
  if (o.json) return printJson(ctx, { assignment: done.assignment, to: done.to, dry_run: !!o.dryRun, files: moves, unchanged: done.unchanged });
  if (!listed) printMoves(ctx, done.moves, done.to);
  if (o.dryRun) print(ctx, ctx.t('assign.dry_run', { n: moves.length, to: done.to, unchanged: done.unchanged }));
  else if (done.assignment === null) print(ctx, ctx.t('assign.nothing_moved', { to: done.to, unchanged: done.unchanged }));
  else print(ctx, ctx.t('assign.done', { n: moves.length, to: done.to, assignment: done.assignment, unchanged: done.unchanged }));
}
