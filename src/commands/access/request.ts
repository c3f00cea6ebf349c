// crm access request (--customer ID | --region R | --product-line P) --purpose TEXT [--days N]:
// a 资料提取申请单 for files outside one's scope, to be approved by the director or the GM. A
// request for what one already reads is refused (exit 1).
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { insertRequest, type RequestTarget } from '../../db/access-requests.js';
import { getCustomer } from '../../db/customers.js';
import { basisFor } from '../../db/scope-sql.js';
import { formatCustomerId } from '../../domain/ids.js';
import { basisOf, grantCovering } from '../../domain/scope.js';
import { blankToNull } from '../../domain/text.js';
import { messageOr } from '../../i18n/translate.js';
import { ConflictError, NotFoundError, UsageError } from '../../errors.js';
import { withSession, type Session } from '../../session.js';
import { customerIdArg } from '../customer-file.js';

export interface RequestOptions {
  customer?: string;
  region?: string;
  productLine?: string;
  purpose?: string;
  days: string;
  json?: boolean;
}

/** Access is granted for a bounded time; a quarter is the longest a single request may ask. */
const MAX_DAYS = 90;

/** What a basis (as the access log names it) means to the requester. */
function basisText(ctx: Context, basis: string): string {
  const request = /^request:(\d+)$/.exec(basis);
  if (request) return ctx.t('access.basis_request', { id: request[1]! });
  return messageOr(ctx.t, `access.basis_${basis}`, basis);
}

/** A request for a region or a product line, as `crm access list` and the refusals name it. */
export function areaText(ctx: Context, region: string | null, productLine: string | null): string {
  return region !== null ? ctx.t('access.scope_region', { region }) : ctx.t('access.scope_line', { line: productLine ?? '' });
}

/** What a request is for. */
function targetText(ctx: Context, target: RequestTarget): string {
  if (target.customerId !== null) return ctx.t('access.scope_customer', { id: formatCustomerId(target.customerId) });
  return areaText(ctx, target.region, target.productLine);
}

/** A request for what the caller already reads would add nothing but work for the approver. */
function refuseIfReadable(ctx: Context, s: Session, target: RequestTarget): void {
  const covering = target.customerId === null ? grantCovering(s.scope, target) : undefined;
  const basis = target.customerId !== null ? basisFor(s.db, s.scope, target.customerId) : covering && basisOf(covering);
  if (!basis) return;
  throw new ConflictError('access.already_readable', { what: targetText(ctx, target), basis: basisText(ctx, basis) });
}

export async function run(ctx: Context, o: RequestOptions): Promise<void> {
  const given = [o.customer, o.region, o.productLine].filter((x) => x !== undefined);
  if (given.length !== 1) throw new UsageError('access.one_target', {});
  const purpose = blankToNull(o.purpose);
  if (!purpose) throw new UsageError('access.needs_purpose', {});
  const days = Number(o.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new UsageError('access.bad_days', { value: o.days, max: MAX_DAYS });
  const target: RequestTarget = {
    customerId: o.customer === undefined ? null : customerIdArg(o.customer),
    region: blankToNull(o.region),
    productLine: blankToNull(o.productLine),
  };
  const id = await withSession(ctx, 'access request', (s) =>
    writeTransaction(s.db, () => {
      if (target.customerId !== null && !getCustomer(s.db, target.customerId)) {
        throw new NotFoundError('customer.not_found', { id: formatCustomerId(target.customerId) });
      }
      refuseIfReadable(ctx, s, target);
      return insertRequest(s.db, s.caller.staffId, target, purpose, days, s.actor.at);
    }),
  );
  if (o.json) printJson(ctx, { id });
  else print(ctx, ctx.t('access.requested', { id }));
}
