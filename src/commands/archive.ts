// crm archive ID --reason TEXT / crm unarchive ID: retires a file from daily use (消除过旧资料,
// POLICY §3) or brings it back. Nothing is deleted: an archived file keeps its data, history and
// trade, still shows with `crm show`, and leaves `list`, `export`, the work lists and the
// file reports until restored (`crm list --archived` lists them). Retiring is a records
// decision: the clerk or management, within the files they may change; both moves are in the
// history with who, when and why.
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { setArchived } from '../db/file-keeping.js';
import { recordChanges } from '../db/history.js';
import { formatCustomerId } from '../domain/ids.js';
import { mayReassign } from '../domain/scope.js';
import { blankToNull } from '../domain/text.js';
import { ConflictError, PermissionError, UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export async function run(ctx: Context, idText: string, archive: boolean, o: { reason?: string; json?: boolean }): Promise<void> {
  const reason = blankToNull(o.reason);
  if (archive && reason === null) throw new UsageError('archive.missing_reason', { id: idText });
  const command = archive ? 'archive' : 'unarchive';
  const id = await withSession(ctx, command, (s) =>
    writeTransaction(s.db, () => {
      if (!mayReassign(s.caller)) throw new PermissionError('archive.denied', {});
      const { row } = requireCustomer(s, idText, 'change');
      const id = formatCustomerId(row.id);
      if (archive === (row.archived_at !== null)) throw new ConflictError(archive ? 'archive.already' : 'archive.not_archived', { id });
      const after = archive ? { archived_at: s.actor.at, archive_reason: reason } : { archived_at: null, archive_reason: null };
      setArchived(s.db, row.id, archive ? { at: s.actor.at, staffId: s.caller.staffId, reason: reason! } : null);
      recordChanges(s.db, s.actor, { entity: 'customer', entityId: row.id, customerId: row.id }, { archived_at: row.archived_at, archive_reason: row.archive_reason }, after);
      return id;
    }),
  );
  if (o.json) return printJson(ctx, { id, archived: archive, reason });
  print(ctx, archive ? ctx.t('archive.done', { id, reason: reason! }) : ctx.t('archive.restored', { id }));
}
