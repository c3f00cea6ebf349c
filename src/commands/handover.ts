// crm handover FROM --to LOGIN[,LOGIN…]: a departing employee takes no customer data (POLICY §8).
// Their customers and staff-contact links go to the receivers and they are deactivated, in one
// transaction whose counts are checked before it commits; the customers to be told of their new
// contact are listed (table, --json, and --notify FILE as a CSV for Excel).
import { stringify } from 'csv-stringify/sync';
import { print, printJson, warn, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { writeTransaction, type Db } from '../db/database.js';
import { getCustomer } from '../db/customers.js';
import { changeCustomer, linkStaff, unlinkStaff } from '../db/customer-writes.js';
import { countCustomers, countLinks, customersListing, customersOwnedBy } from '../db/handover.js';
import { recordChanges } from '../db/history.js';
import { basisFor } from '../db/scope-sql.js';
import { countOwnedCustomers, deactivateStaff, staffByLogin, type StaffRow } from '../db/staff.js';
import { planHandover, type HandoverPlan, type Split } from '../domain/handover-plan.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatPhone } from '../domain/phone-format.js';
import { mayHandOver } from '../domain/scope.js';
import { ConflictError, NotFoundError, OutOfScopeError, PermissionError, UsageError } from '../errors.js';
import { handoverMessages } from '../i18n/areas/handover.js';
import { filesAfterCommit } from '../io/atomic-files.js';
import { renderTable } from '../io/table.js';
import { withSession, type Session } from '../session.js';
import { lastAdminGuard } from './staff/guards.js';

export interface HandoverOptions {
  to: string[];
  split: Split;
  dryRun?: boolean;
  notify?: string;
  json?: boolean;
}

/** One line of the notification list: a customer and who their new contact is. */
interface Notice {
  id: number;
  name: string;
  contact: string | null;
  /** Stored form: the contact's mobile, else their phone, else the company's. */
  phone: string | null;
  owner: StaffRow;
}

interface Outcome {
  from: string;
  receivers: StaffRow[];
  notices: Notice[];
  linksMoved: number;
}

const COLUMNS = ['handover.col_id', 'handover.col_name', 'handover.col_contact', 'handover.col_phone', 'handover.col_owner', 'handover.col_owner_name'] as const;

function departing(db: Db, login: string): StaffRow {
  const from = staffByLogin(db, login);
  if (!from) throw new NotFoundError('handover.from_unknown', { login });
  if (!from.active) throw new ConflictError('handover.from_inactive', { login });
  // Deactivating the last admin would leave nobody to manage staff.
  lastAdminGuard(db, from);
  return from;
}

function receiving(db: Db, logins: string[], from: StaffRow): StaffRow[] {
  if (logins.length === 0) throw new UsageError('handover.no_receiver', { from: from.login });
  return [...new Set(logins)].map((login) => {
    const r = staffByLogin(db, login);
    if (!r) throw new UsageError('handover.to_unknown', { login });
    if (r.id === from.id) throw new UsageError('handover.to_from', { login });
    if (!r.active) throw new UsageError('handover.to_inactive', { login });
    // `other` staff see no customers (POLICY §6), not even their own.
    if (r.role === 'other') throw new UsageError('handover.to_no_role', { login });
    return r;
  });
}

/** The counts a handover must conserve: all customers, and who owns and is listed on them. */
function tally(db: Db, from: StaffRow, receivers: StaffRow[]) {
  return { total: countCustomers(db), left: countOwnedCustomers(db, from.id), links: countLinks(db, from.id), per: receivers.map((r) => countOwnedCustomers(db, r.id)) };
}

function apply(s: Session, from: StaffRow, receivers: StaffRow[], plan: HandoverPlan): void {
  const byLogin = new Map(receivers.map((r) => [r.login, r]));
  const before = tally(s.db, from, receivers);
  for (const { customerId, to } of plan.owners) {
    changeCustomer(s.db, s.actor, getCustomer(s.db, customerId)!, { owner: to }, byLogin.get(to)!.id);
  }
  for (const { customerId, to } of plan.links) {
    unlinkStaff(s.db, s.actor, customerId, from);
    if (to !== null) linkStaff(s.db, s.actor, customerId, byLogin.get(to)!);
  }
  deactivateStaff(s.db, from.id, s.actor.at);
  recordChanges(s.db, s.actor, { entity: 'staff', entityId: from.id, customerId: null }, { active: true }, { active: false });

  // No customer lost or counted twice: otherwise the whole handover is rolled back.
  const after = tally(s.db, from, receivers);
  const expected = { total: before.total, left: 0, links: 0, per: receivers.map((r, i) => before.per[i]! + plan.owners.filter((o) => o.to === r.login).length) };
  if (JSON.stringify(after) !== JSON.stringify(expected)) {
    throw new ConflictError('handover.not_conserved', { before: before.total, after: after.total, left: after.left, from: from.login });
  }
}

function handOver(s: Session, fromLogin: string, o: HandoverOptions): Outcome {
  const from = departing(s.db, fromLogin);
  const receivers = receiving(s.db, o.to, from);
  const owned = customersOwnedBy(s.db, from.id);
  const listed = customersListing(s.db, from.id);
  const plan = planHandover({ receivers, split: o.split, owned, listed });

  // Every file changed must be one the caller may change; the listed ones are consulted (POLICY §6).
  const basis = new Map([...owned, ...listed].map((c) => [c.id, basisFor(s.db, s.writeScope, c.id)]));
  for (const [id, b] of basis) if (b === null) throw new OutOfScopeError('customer.out_of_scope', { id: formatCustomerId(id) }, id);
  logAccess(s.db, s.actor, 'handover', owned.map((c) => ({ customerId: c.id, basis: basis.get(c.id)! })));

  if (!o.dryRun) apply(s, from, receivers, plan);
  const newOwner = new Map(plan.owners.map((p) => [p.customerId, receivers.find((r) => r.login === p.to)!]));
  return {
    from: from.login,
    receivers,
    linksMoved: plan.links.length,
    notices: owned.map((c) => ({ id: c.id, name: c.name, contact: c.contact_name, phone: c.contact_mobile ?? c.contact_phone ?? c.phone, owner: newOwner.get(c.id)! })),
  };
}

function noticeRow(n: Notice): string[] {
  return [formatCustomerId(n.id), n.name, n.contact ?? '', n.phone ? formatPhone(n.phone) : '', n.owner.login, n.owner.name];
}

/** For Excel: UTF-8 with a BOM, headers in both languages whatever the user's locale. */
function notificationCsv(notices: Notice[]): string {
  const head = COLUMNS.map((k) => `${handoverMessages[k].zh} ${handoverMessages[k].en}`);
  return '\uFEFF' + stringify([head, ...notices.map(noticeRow)]);
}

export async function run(ctx: Context, fromLogin: string, o: HandoverOptions): Promise<void> {
  const outcome = await withSession(ctx, 'handover', (s) => {
    if (!mayHandOver(s.caller)) throw new PermissionError('handover.denied', {});
    // A failed handover leaves no list, and a list that cannot be written stops the handover.
    return filesAfterCommit((stage) =>
      writeTransaction(s.db, () => {
        const result = handOver(s, fromLogin, o);
        if (o.notify !== undefined && !o.dryRun) stage([{ path: o.notify, text: notificationCsv(result.notices) }]);
        return result;
      }),
    );
  });

  const { from, notices, receivers, linksMoved } = outcome;
  if (o.json) {
    printJson(ctx, {
      from,
      moved: notices.length,
      links_moved: linksMoved,
      dry_run: !!o.dryRun,
      customers: notices.map((n) => ({ id: formatCustomerId(n.id), name: n.name, contact: n.contact, phone: n.phone, new_owner: n.owner.login })),
    });
  } else {
    if (notices.length > 0) print(ctx, renderTable(ctx, COLUMNS.map((k) => ctx.t(k)), notices.map(noticeRow)));
    const to = receivers.map((r) => `${r.login} ${notices.filter((n) => n.owner === r).length}`).join(', ');
    print(ctx, ctx.t(o.dryRun ? 'handover.summary_dry' : 'handover.summary', { from, moved: notices.length, to, links: linksMoved }));
  }
  if (o.dryRun && o.notify !== undefined) warn(ctx, ctx.t('handover.notify_dry', { path: o.notify }));
}
