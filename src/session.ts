// A command's session: the open database and the staff member acting. Identity is the
// operating-system login looked up in the staff table; --as is for administrators only.
import type { Context } from './context.js';
import { openDatabase, type Db } from './db/database.js';
import type { Actor } from './db/history.js';
import { staffByLogin, type StaffRow } from './db/staff.js';
import type { Role } from './domain/enums.js';
import { readScope, roleScope, type Caller, type Scope } from './domain/scope.js';
import { activeRequests } from './db/scope-sql.js';
import { DENIED, logAccess } from './db/access-log.js';
import { localTimestamp } from './domain/date.js';
import { OutOfScopeError, PermissionError } from './errors.js';
import { storageFailure, writeTransaction } from './db/database.js';

export interface Session {
  db: Db;
  caller: Caller;
  staff: StaffRow;
  /** What the caller may read: their role's scope and their approved requests. */
  scope: Scope;
  /** What the caller may change: their role's scope only (requests grant reading). */
  writeScope: Scope;
  /** Stamps a history row: acting staff member, OS login, command, time. */
  actor: Actor;
}

function resolveCaller(db: Db, osLogin: string, asLogin: string | undefined): StaffRow {
  const me = staffByLogin(db, osLogin);
  if (!me) throw new PermissionError('identity.unregistered', { login: osLogin });
  if (!me.active) throw new PermissionError('identity.inactive', { login: osLogin });
  if (asLogin === undefined || asLogin === osLogin) return me;
  if (me.role !== 'admin') throw new PermissionError('identity.as_not_admin', { login: osLogin });
  const other = staffByLogin(db, asLogin);
  if (!other) throw new PermissionError('identity.as_unknown', { login: asLogin });
  if (!other.active) throw new PermissionError('identity.inactive', { login: asLogin });
  return other;
}

function openSession(ctx: Context, command: string): Session {
  const db = openDatabase(ctx.dbPath);
  try {
    const staff = resolveCaller(db, ctx.osLogin, ctx.asLogin);
    const caller: Caller = { staffId: staff.id, login: staff.login, role: staff.role as Role, region: staff.region, productLine: staff.product_line };
    const at = localTimestamp(ctx.now());
    return {
      db,
      caller,
      staff,
      scope: readScope(caller, activeRequests(db, staff.id, at)),
      writeScope: roleScope(caller),
      actor: { staffId: staff.id, osLogin: ctx.osLogin, command, at },
    };
  } catch (e) {
    db.close();
    // The staff look-up is the first read of every command: damage met there is reported as such.
    throw storageFailure(db, e);
  }
}

/** Runs a command's work in a session and always closes the database afterwards. */
export async function withSession<T>(ctx: Context, command: string, work: (s: Session) => T | Promise<T>): Promise<T> {
  const s = openSession(ctx, command);
  try {
    return await work(s);
  } catch (e) {
    // A refusal is recorded too (POLICY §6), after the command's own transaction has ended.
    if (e instanceof OutOfScopeError) writeTransaction(s.db, () => logAccess(s.db, s.actor, command, [{ customerId: e.customerId, basis: DENIED }]));
    throw e;
  } finally {
    s.db.close();
  }
}
