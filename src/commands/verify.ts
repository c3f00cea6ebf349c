// crm verify ID --by phone|fax|email|visit [--fields a,b] [--note TEXT] [--set key=value …]:
// records who confirmed the file (or only the listed fields), when and how (整理, POLICY §3).
// Whoever may change the file may confirm it: its owner and staff contacts, the regional
// manager, the records clerk and management. Wrong data found while confirming is corrected in
// the same command, with --set as `update` takes it; the history records the corrections as
// "verify #N", linked to the verification.
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { changeCustomer, rowValues } from '../db/customer-writes.js';
import { recordVerification } from '../db/file-keeping.js';
import { recordCreated } from '../db/history.js';
import { CUSTOMER_FIELDS, fieldByKey, normalizeValues } from '../domain/card.js';
import { matchOption, optionLabel, VERIFY_METHODS, type VerifyMethod } from '../domain/enums.js';
import { unknownFieldKeys } from '../domain/file-keeping.js';
import { formatCustomerId } from '../domain/ids.js';
import { blankToNull } from '../domain/text.js';
import { UsageError } from '../errors.js';
import { pick } from '../i18n/translate.js';
import { withSession } from '../session.js';
import { duplicateProbe, refuseDuplicates, resolveCardReferences } from './card-input.js';
import { requireCustomer } from './customer-file.js';
import { parseAssignments } from './key-values.js';

export interface VerifyOptions {
  by?: string;
  fields?: string[];
  note?: string;
  set?: string[];
  allowDuplicate?: boolean;
  json?: boolean;
}

const METHOD_CODES = VERIFY_METHODS.map((m) => m.value).join('|');

export async function run(ctx: Context, idText: string, o: VerifyOptions): Promise<void> {
  if (o.by === undefined) throw new UsageError('verify.missing_by', { methods: METHOD_CODES });
  const method = matchOption(VERIFY_METHODS, o.by)?.value as VerifyMethod | undefined;
  if (method === undefined) throw new UsageError('verify.bad_by', { value: o.by, methods: METHOD_CODES });
  const fields = o.fields === undefined || o.fields.length === 0 ? null : [...new Set(o.fields)];
  const unknown = unknownFieldKeys(fields ?? []);
  if (unknown.length > 0) throw new UsageError('verify.unknown_fields', { fields: unknown.join(', '), allowed: CUSTOMER_FIELDS.map((f) => f.key).join(', ') });
  const corrections = normalizeValues(CUSTOMER_FIELDS, parseAssignments(o.set ?? [], CUSTOMER_FIELDS), false);
  const note = blankToNull(o.note);

  const done = await withSession(ctx, 'verify', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      const verification = recordVerification(s.db, s.actor, { customerId: row.id, method, fields, note });
      const actor = { ...s.actor, command: `verify #${verification}` };
      recordCreated(s.db, actor, { entity: 'verification', entityId: verification, customerId: row.id }, { method, fields: fields?.join(',') ?? null, note });
      let corrected = 0;
      if (Object.keys(corrections).length > 0) {
        const ownerId = resolveCardReferences(s, corrections, rowValues(row));
        refuseDuplicates(s, duplicateProbe(corrections, []), row.id, !!o.allowDuplicate);
        corrected = changeCustomer(s.db, actor, row, corrections, ownerId);
      }
      return { verification, id: formatCustomerId(row.id), corrected };
    }),
  );
  if (o.json) return printJson(ctx, { ...done, method, fields, whole_file: fields === null });
  const how = optionLabel(VERIFY_METHODS, method, ctx.lang);
  // The fields as the card names them (电话, 地址), not their keys.
  const labels = (fields ?? []).map((k) => pick(ctx.lang, fieldByKey(CUSTOMER_FIELDS, k)!)).join(', ');
  print(ctx, ctx.t(fields === null ? 'verify.done_file' : 'verify.done_fields', { n: done.verification, id: done.id, how, fields: labels }));
  if (done.corrected > 0) print(ctx, ctx.t('verify.corrected', { n: done.corrected, verification: done.verification }));
}
