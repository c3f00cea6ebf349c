// crm contract add ID --no NO --signed DATE [--long-term] [--start DATE] [--end DATE] [--amount X]:
// records a customer's contract (合同管理, POLICY §5). Contract numbers are unique.
import { print, printJson, type Context } from '../../context.js';
import { contractByNumber, insertContract } from '../../db/contracts.js';
import { writeTransaction } from '../../db/database.js';
import { parseDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { parseMoney } from '../../domain/money.js';
import { ConflictError, UsageError, ValidationError } from '../../errors.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';

export interface ContractAddOptions {
  no?: string;
  signed?: string;
  longTerm?: boolean;
  start?: string;
  end?: string;
  amount?: string;
  json?: boolean;
}

function date(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const d = parseDate(value);
  if (d === null) throw new ValidationError('contracts.bad_date', { flag, value });
  return d;
}

export async function run(ctx: Context, idText: string, o: ContractAddOptions): Promise<void> {
  const contractNo = o.no?.trim();
  if (!contractNo) throw new UsageError('contracts.no_required', {});
  if (o.signed === undefined) throw new UsageError('contracts.signed_required', {});
  const signedOn = date('--signed', o.signed)!;
  const startsOn = date('--start', o.start);
  const endsOn = date('--end', o.end);
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) throw new ValidationError('contracts.end_before_start', { start: startsOn, end: endsOn });
  // Ended before it was signed: never valid, so it would hide nothing from contract check — a typo.
  if (endsOn !== null && endsOn < signedOn) throw new ValidationError('contracts.end_before_signed', { signed: signedOn, end: endsOn });
  const amount = o.amount === undefined ? null : parseMoney(o.amount);
  if (amount === null && o.amount !== undefined) throw new ValidationError('contracts.bad_amount', { value: o.amount });

  const id = await withSession(ctx, 'contract add', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      const holder = contractByNumber(s.db, contractNo);
      if (holder) throw new ConflictError('contracts.duplicate_no', { no: contractNo, id: formatCustomerId(holder.customer_id) });
      return insertContract(s.db, s.actor, {
        customer_id: row.id,
        contract_no: contractNo,
        signed_on: signedOn,
        long_term: !!o.longTerm,
        starts_on: startsOn,
        ends_on: endsOn,
        amount,
      });
    }),
  );
  if (o.json) printJson(ctx, { id });
  else print(ctx, String(id));
}
