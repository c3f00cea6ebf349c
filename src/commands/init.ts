// crm init: creates the database file from schema.sql and registers the OS login as admin.
import { print, printJson, type Context } from '../context.js';
import { createDatabase, writeTransaction } from '../db/database.js';
import { recordCreated } from '../db/history.js';
import { insertStaff } from '../db/staff.js';
import { localTimestamp } from '../domain/date.js';

export async function run(ctx: Context, o: { name?: string; json?: boolean }): Promise<void> {
  const db = createDatabase(ctx.dbPath);
  try {
    const values = { name: o.name ?? ctx.osLogin, role: 'admin' };
    const at = localTimestamp(ctx.now());
    writeTransaction(db, () => {
      const id = insertStaff(db, ctx.osLogin, values, at);
      recordCreated(db, { staffId: id, osLogin: ctx.osLogin, command: 'init', at }, { entity: 'staff', entityId: id, customerId: null }, { login: ctx.osLogin, ...values });
    });
  } finally {
    db.close();
  }
  if (o.json) printJson(ctx, { path: ctx.dbPath, admin: ctx.osLogin });
  else print(ctx, ctx.t('init.done', { path: ctx.dbPath, login: ctx.osLogin }));
}
