// What the privacy commands share: the reason each request is recorded with (PIPL Art. 50; the
// README's register of requests), and what an earlier request did, in words.
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, type FieldDef } from '../../domain/card-fields.js';
import type { PrivacyOutcome } from '../../db/privacy.js';
import { UsageError } from '../../errors.js';
import { pick, translator, type Lang, type Translate } from '../../i18n/translate.js';

/** The request's reason: every export, correction and erasure is recorded with one. */
export function requiredReason(text: string | undefined): string {
  if (text === undefined) throw new UsageError('privacy.missing_reason', {});
  const reason = text.trim();
  if (reason === '') throw new UsageError('privacy.blank_reason', {});
  return reason;
}

type FieldName = (defs: readonly FieldDef[], key: string) => string;

function describe(outcome: PrivacyOutcome | string, t: Translate, name: FieldName): string {
  // Requests recorded before outcomes were stored as data are English text.
  if (typeof outcome === 'string') return outcome;
  const list = (defs: readonly FieldDef[], keys: string[]) => keys.map((k) => name(defs, k)).join(', ');
  switch (outcome.kind) {
    case 'export':
      return t('privacy.outcome_export', { history: outcome.history_rows, requests: outcome.earlier_requests });
    case 'correct':
      return outcome.fields.length > 0 ? t('privacy.outcome_correct', { fields: list(CONTACT_FIELDS, outcome.fields) }) : t('privacy.outcome_nothing');
    case 'erase':
      return t('privacy.outcome_erase', {
        contact: outcome.contact,
        fields: list(CONTACT_FIELDS, outcome.held),
        cleared: outcome.customer_cleared.length > 0 ? t('privacy.outcome_cleared', { fields: list(CUSTOMER_FIELDS, outcome.customer_cleared) }) : '',
        n: outcome.history_rows_scrubbed,
      });
  }
}

/** For the reader: in their language, fields by the card's labels (职务, 手机). */
export function outcomeText(lang: Lang, t: Translate, outcome: PrivacyOutcome | string): string {
  return describe(outcome, t, (defs, key) => pick(lang, fieldByKey(defs, key) ?? { zh: key, en: key }));
}

const english = translator('en');

/** For --json: one language whoever asks, fields by their keys, as earlier requests' text reads. */
export function outcomeJsonText(outcome: PrivacyOutcome | string): string {
  return describe(outcome, english, (_, key) => key);
}
