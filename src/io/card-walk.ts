// The interactive walk through the data card (客户基本资料卡): section by section, each field
// validated as it is typed, contacts in a loop, a summary to confirm before anything is written.
// Answers come back as text and go through the same validation as flags and JSON.
import type { Context } from '../context.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, normalizeField, SECTIONS, type FieldDef, type SectionKey, type Values } from '../domain/card.js';
import { CancelledError, ValidationError } from '../errors.js';
import { pick } from '../i18n/translate.js';
import type { RawCard } from '../commands/card-input.js';
import type { Prompter } from './prompter.js';
import { renderSheet } from './card-sheet.js';
import { displayValue, paint } from './format.js';

export interface WalkHooks {
  /** Existing files that look like this name, to warn before going on: id, and the name when
   * the file is within the caller's scope (null otherwise: its name is not theirs to read). */
  similarTo(name: string): { id: string; name: string | null }[];
  staff: { login: string; name: string }[];
  me: { login: string; region: string | null };
}

/** Typing a single "-" clears a field that has a value. */
const CLEAR = '-';

function label(ctx: Context, def: FieldDef): string {
  return pick(ctx.lang, def) + (def.required ? ' *' : '');
}

/** Asks one field; returns the answer as text ('' for none). */
async function askField(ctx: Context, p: Prompter, def: FieldDef, current: string, hooks: WalkHooks): Promise<string> {
  if (def.type === 'enum') {
    const none = { value: '', name: ctx.t('walk.none') };
    const choices = def.options!.map((o) => ({ value: o.value as string, name: `${o.zh} (${o.value})` }));
    return p.select(label(ctx, def), def.required ? choices : [none, ...choices], current);
  }
  if (def.type === 'staff') {
    const choices = hooks.staff.map((x) => ({ value: x.login, name: `${x.name} (${x.login})` }));
    return p.select(label(ctx, def), choices, current || hooks.me.login);
  }
  if (def.type === 'bool') return (await p.confirm(label(ctx, def), ['yes', 'true', '1'].includes(current))) ? 'yes' : 'no';
  const answer = await p.input(label(ctx, def), {
    default: current || undefined,
    validate: (v) => {
      if (current && v.trim() === CLEAR) return true;
      try {
        normalizeField(def, v);
        return true;
      } catch (e) {
        if (e instanceof ValidationError) return ctx.t(e.key, e.params);
        throw e;
      }
    },
  });
  return answer.trim() === CLEAR ? '' : answer;
}

function sectionHeading(ctx: Context, section: SectionKey): void {
  ctx.io.stdout.write(`\n${paint(ctx).cyan(`── ${pick(ctx.lang, SECTIONS[section])} ──`)}\n`);
}

async function askSection(ctx: Context, p: Prompter, section: SectionKey, into: Record<string, string>, hooks: WalkHooks, skip: string[] = []): Promise<void> {
  for (const def of CUSTOMER_FIELDS.filter((f) => f.section === section && !skip.includes(f.key))) {
    into[def.key] = await askField(ctx, p, def, into[def.key] ?? '', hooks);
  }
}

async function askContact(ctx: Context, p: Prompter, hooks: WalkHooks, current: Record<string, string> = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...current };
  for (const def of CONTACT_FIELDS) {
    // Birthday and hobbies are kept for decision makers only (POLICY §2, minimum necessary).
    if ((def.key === 'birthday' || def.key === 'hobbies') && out.decision_maker !== 'yes' && !current[def.key]) continue;
    out[def.key] = await askField(ctx, p, def, out[def.key] ?? '', hooks);
  }
  return out;
}

function dropEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

export interface NewCardAnswers extends RawCard {
  /** The user was shown files with the same name and chose to create this one anyway. */
  nameConfirmed: boolean;
}

export async function walkNewCard(ctx: Context, p: Prompter, hooks: WalkHooks): Promise<NewCardAnswers> {
  const { t } = ctx;
  ctx.io.stdout.write(t('walk.intro') + '\n');
  const card: Record<string, string> = { region: hooks.me.region ?? '', owner: hooks.me.login, status: 'potential' };

  sectionHeading(ctx, 'basic');
  card.name = await askField(ctx, p, CUSTOMER_FIELDS[0]!, '', hooks);
  const similar = hooks.similarTo(card.name);
  if (similar.length > 0) {
    ctx.io.stdout.write(t('walk.similar', { list: similar.map((x) => (x.name === null ? x.id : `${x.id} ${x.name}`)).join('; ') }) + '\n');
    if (!(await p.confirm(t('walk.continue_anyway'), false))) throw new CancelledError('walk.cancelled');
  }
  await askSection(ctx, p, 'basic', card, hooks, ['name']);

  if (await p.confirm(t('walk.ask_section', { section: pick(ctx.lang, SECTIONS.registration) }), false)) {
    sectionHeading(ctx, 'registration');
    await askSection(ctx, p, 'registration', card, hooks);
  }

  sectionHeading(ctx, 'contact');
  const contacts: Record<string, string>[] = [];
  while (await p.confirm(t(contacts.length === 0 ? 'walk.add_contact' : 'walk.add_another_contact'), contacts.length === 0)) {
    contacts.push(dropEmpty(await askContact(ctx, p, hooks)));
  }

  if (await p.confirm(t('walk.ask_section', { section: pick(ctx.lang, SECTIONS.characteristics) }), false)) {
    sectionHeading(ctx, 'characteristics');
    await askSection(ctx, p, 'characteristics', card, hooks);
  }

  sectionHeading(ctx, 'classification');
  // Kind first (POLICY §1: suppliers, distributors and special parties are kept too; Enter: a customer),
  // then the parent company of a branch or subsidiary (分厂; Enter: none).
  for (const key of ['kind', 'parent', 'source', 'source_detail', 'referred_by', 'status', 'churn_reason', 'grade', 'owner']) {
    if (key === 'referred_by' && card.source !== 'referral') continue;
    if (key === 'churn_reason' && card.status !== 'churned') continue;
    const def = CUSTOMER_FIELDS.find((f) => f.key === key)!;
    card[key] = await askField(ctx, p, def, card[key] ?? '', hooks);
  }

  const raw: RawCard = { card: dropEmpty(card), contacts, staff: [] };
  ctx.io.stdout.write('\n' + summary(ctx, raw) + '\n\n');
  if (!(await p.confirm(t('walk.confirm_save'), true))) throw new CancelledError('walk.cancelled');
  return { ...raw, nameConfirmed: similar.length > 0 };
}

/** The card as it will be saved, rendered like `show`. */
function summary(ctx: Context, raw: RawCard): string {
  const values: Values = {};
  for (const def of CUSTOMER_FIELDS) if (raw.card[def.key] !== undefined) values[def.key] = normalizeField(def, raw.card[def.key]);
  const contacts = raw.contacts.map((c) => Object.fromEntries(CONTACT_FIELDS.filter((d) => c[d.key] !== undefined).map((d) => [d.key, normalizeField(d, c[d.key])])));
  return renderSheet(ctx, { title: ctx.t('walk.summary_title'), values, contacts, staff: raw.staff });
}

export interface EditAnswers {
  /** Customer fields whose answer differs from the current value. */
  card: Record<string, string>;
  /** id null: a new contact. */
  contacts: { id: number | null; values: Record<string, string> }[];
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** The interactive edit of chosen sections of an existing file, current values as defaults. */
export async function walkEdit(
  ctx: Context,
  p: Prompter,
  hooks: WalkHooks,
  current: Values,
  contacts: (Values & { id: number })[],
): Promise<EditAnswers> {
  const { t } = ctx;
  ctx.io.stdout.write(t('walk.edit_intro', { clear: CLEAR }) + '\n');
  const sectionKeys: SectionKey[] = ['basic', 'registration', 'characteristics', 'classification', 'contact'];
  const chosen = await p.checkbox(
    t('walk.choose_sections'),
    sectionKeys.map((k) => ({ value: k, name: pick(ctx.lang, SECTIONS[k]) })),
  );
  const answers: EditAnswers = { card: {}, contacts: [] };
  for (const section of chosen.filter((x) => x !== 'contact')) {
    sectionHeading(ctx, section);
    for (const def of CUSTOMER_FIELDS.filter((f) => f.section === section)) {
      const now = asText(current[def.key]);
      const answer = await askField(ctx, p, def, now, hooks);
      if (answer !== now) answers.card[def.key] = answer;
    }
  }
  if (chosen.includes('contact')) {
    sectionHeading(ctx, 'contact');
    for (;;) {
      const choice = await p.select(t('walk.contact_menu'), [
        ...contacts.map((k) => ({ value: String(k.id), name: `#${k.id} ${asText(k.name)} ${asText(k.title)}`.trim() })),
        { value: 'new', name: t('walk.contact_new') },
        { value: 'done', name: t('walk.contact_done') },
      ]);
      if (choice === 'done') break;
      const existing = contacts.find((k) => String(k.id) === choice);
      const before = existing ? Object.fromEntries(CONTACT_FIELDS.map((d) => [d.key, asText(existing[d.key])])) : {};
      const after = await askContact(ctx, p, hooks, before);
      const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== (before[k] ?? '')));
      if (Object.keys(changed).length > 0) answers.contacts.push({ id: existing ? existing.id : null, values: existing ? changed : dropEmpty(after) });
    }
  }
  const lines = [
    // Old values as the sheet shows them (潜在客户, 0755 8376 5432), new ones as typed.
    ...Object.entries(answers.card).map(([k, v]) => {
      const def = CUSTOMER_FIELDS.find((f) => f.key === k)!;
      return `  ${pick(ctx.lang, def)}: ${displayValue(ctx, def, current[k]) || '—'} → ${v || '—'}`;
    }),
    ...answers.contacts.map((c) => {
      const values = Object.entries(c.values).map(([k, v]) => `${pick(ctx.lang, CONTACT_FIELDS.find((f) => f.key === k)!)} ${v || '—'}`);
      return `  ${c.id === null ? t('walk.contact_new') : `${t('history.contact')} #${c.id}`}: ${values.join(', ')}`;
    }),
  ];
  if (lines.length === 0) return answers;
  ctx.io.stdout.write(`\n${t('walk.changes')}\n${lines.join('\n')}\n\n`);
  if (!(await p.confirm(t('walk.confirm_save'), true))) throw new CancelledError('walk.cancelled');
  return answers;
}
