// A customer's relationship status (POLICY §1, §4): potential → followed-up → cooperating (signed)
// → churned, with the reason kept for a churn. Any move between the four is allowed; what the
// policy insists on is the reason for a loss, and that a deal makes a prospect a customer.
import { matchOption, optionLabel, STATUSES, type Status } from './enums.js';
import { ValidationError, type Localized } from '../errors.js';

/** The status a user's word stands for (the code or the policy's term: 流失, 已合作 …), or null. */
export function parseStatus(input: string): Status | null {
  return (matchOption(STATUSES, input)?.value as Status | undefined) ?? null;
}

/** A status as messages name it, in either language (潜在客户 / potential). */
export function statusLabel(status: string): Localized {
  return { zh: optionLabel(STATUSES, status, 'zh'), en: optionLabel(STATUSES, status, 'en') };
}

/**
 * The customer values a move to `to` sets. Churning needs its reason (流失原因), the only reason
 * the file has a place for; leaving churned keeps the old reason, as part of the record.
 */
export function statusChange(to: Status, reason: string | null): { status: Status; churn_reason?: string } {
  if (to === 'churned') {
    if (reason === null) throw new ValidationError('trade.churn_needs_reason', {});
    return { status: to, churn_reason: reason };
  }
  if (reason !== null) throw new ValidationError('trade.reason_not_churn', { status: statusLabel(to) });
  return { status: to };
}

/** A deal of ours makes a potential or followed-up customer a cooperating one; a dealing with a
 * competitor, or a churned customer (whose return is a decision for `crm status`), stays as it is. */
export function statusAfterDeal(current: string, competitor: boolean): Status | null {
  return !competitor && (current === 'potential' || current === 'followed') ? 'cooperating' : null;
}
