// crm access request (--customer ID | --region R | --product-line P) --purpose TEXT [--days N]:
// a 资料提取申请单 for files outside one's scope, to be approved by the director or the GM.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { insertRequest, type RequestTarget } from '../../db/access-requests.js';
import { getCustomer } from '../../db/customers.js';
import { formatCustomerId } from '../../domain/ids.js';
import { blankToNull } from '../../domain/text.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { withSession } from '../../session.js';
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
      return insertRequest(s.db, s.caller.staffId, target, purpose, days, s.actor.at);
    }),
  );
  if (o.json) printJson(ctx, { id });
  else print(ctx, ctx.t('access.requested', { id }));
}
