// crm access approve|reject|revoke REQ_ID [--comment]: the director or the GM decides a request
// (never their own); the requester may also withdraw theirs. Approval grants read access to the
// request's scope until it expires.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { decideRequest, getRequest } from '../../db/access-requests.js';
import { localTimestamp } from '../../domain/date.js';
import { mayApproveRequests } from '../../domain/scope.js';
import { blankToNull } from '../../domain/text.js';
import { ConflictError, NotFoundError, PermissionError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';

type Verdict = 'approve' | 'reject' | 'revoke';
const STATUS = { approve: 'approved', reject: 'rejected', revoke: 'revoked' } as const;
const DAY_MS = 86_400_000;

export async function run(ctx: Context, idText: string, verdict: Verdict, o: { comment?: string; json?: boolean }): Promise<void> {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError('access.bad_id', { id: idText });
  const result = await withSession(ctx, `access ${verdict}`, (s) =>
    writeTransaction(s.db, () => {
      const request = getRequest(s.db, id);
      if (!request) throw new NotFoundError('access.not_found', { id });
      const own = request.requester_id === s.caller.staffId;
      if (verdict === 'revoke') {
        if (!own && !mayApproveRequests(s.caller)) throw new PermissionError('access.approver_only', {});
        if (request.status !== 'pending' && request.status !== 'approved') throw new ConflictError('access.not_open', { id, status: request.status });
      } else {
        if (!mayApproveRequests(s.caller)) throw new PermissionError('access.approver_only', {});
        if (own) throw new PermissionError('access.own_request', {});
        if (request.status !== 'pending') throw new ConflictError('access.not_pending', { id, status: request.status });
      }
      const expires = verdict === 'approve' ? localTimestamp(new Date(ctx.now().getTime() + request.days * DAY_MS)) : null;
      decideRequest(s.db, id, STATUS[verdict], s.caller.staffId, s.actor.at, blankToNull(o.comment), expires);
      return { id, status: STATUS[verdict], expires_at: expires };
    }),
  );
  if (o.json) printJson(ctx, result);
  else print(ctx, ctx.t(`access.${result.status}`, { id, until: result.expires_at?.slice(0, 16).replace('T', ' ') ?? '' }));
}
