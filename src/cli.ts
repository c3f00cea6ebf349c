// The command-line grammar: argv → typed options for each command. Command modules are loaded
// only when their command runs, so `crm show` does not pay for the prompt library or the pinyin
// dictionary.
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, type FieldDef } from './domain/card-fields.js';
import { messageOr, pick } from './i18n/translate.js';
import pkg from '../package.json' with { type: 'json' };

/** --postal-code ↔ postal_code, and commander's camelCase back to card keys. */
function flagOf(key: string): string {
  return key.replace(/_/g, '-');
}
function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Adds one --flag per card field (with a prefix for contact fields) and reads them back. */
function fieldFlags(cmd: Command, ctx: Context, defs: readonly FieldDef[], prefix = ''): (opts: Record<string, unknown>) => Record<string, string> {
  for (const d of defs) {
    const flag = `--${prefix}${flagOf(d.key)}`;
    cmd.option(d.type === 'bool' ? `${flag} [yes|no]` : `${flag} <value>`, pick(ctx.lang, d));
  }
  return (opts) => {
    const out: Record<string, string> = {};
    for (const d of defs) {
      const v = opts[camel(prefix + flagOf(d.key))];
      if (v !== undefined) out[d.key] = v === true ? 'yes' : String(v);
    }
    return out;
  };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function buildProgram(ctx: Context): Command {
  const { t } = ctx;
  // Commander's section titles (Usage:, Options: …) in the user's language, where we have them.
  const localTitle = (title: string) => messageOr(t, `cli.title_${title.replace(/[^A-Za-z]/g, '').toLowerCase()}`, title);
  const program = new Command('crm');
  program
    .description(t('cli.description'))
    .version(pkg.version, '-V, --version', t('cli.version'))
    .helpOption('-h, --help', t('cli.help'))
    .option('--db <path>', t('cli.opt_db'))
    .option('--as <login>', t('cli.opt_as'))
    .option('--lang <zh|en>', t('cli.opt_lang'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      // main.ts prints errors itself, as one localised line.
      outputError: () => {},
    })
    .configureHelp({ styleTitle: localTitle })
    .showSuggestionAfterError(true)
    .helpCommand(false);

  program
    .command('init')
    .description(t('cli.init'))
    .option('--name <name>', t('cli.opt_init_name'))
    .option('--json', t('cli.opt_json'))
    .action(async (o: { name?: string; json?: boolean }) => (await import('./commands/init.js')).run(ctx, o));

  const staff = program.command('staff').description(t('cli.staff'));
  const staffFlags = (cmd: Command) =>
    cmd
      .option('--name <name>', t('cli.opt_staff_name'))
      .option('--role <role>', t('cli.opt_role'))
      .option('--region <region>', t('cli.opt_staff_region'))
      .option('--product-line <line>', t('cli.opt_staff_line'))
      .option('--phone <phone>', t('cli.opt_staff_phone'))
      .option('--email <email>', t('cli.opt_staff_email'))
      .option('--json', t('cli.opt_json'));
  staffFlags(staff.command('add <login>').description(t('cli.staff_add'))).action(async (login: string, o) =>
    (await import('./commands/staff/add.js')).run(ctx, login, o),
  );
  staffFlags(staff.command('update <login>').description(t('cli.staff_update'))).action(async (login: string, o) =>
    (await import('./commands/staff/update.js')).run(ctx, login, o),
  );
  staff
    .command('list')
    .description(t('cli.staff_list'))
    .option('--all', t('cli.opt_staff_all'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/staff/list.js')).run(ctx, o));
  staff
    .command('deactivate <login>')
    .description(t('cli.staff_deactivate'))
    .option('--json', t('cli.opt_json'))
    .action(async (login: string, o) => (await import('./commands/staff/deactivate.js')).run(ctx, login, o));

  const add = program.command('add').description(t('cli.add'));
  const cardFlags = fieldFlags(add, ctx, CUSTOMER_FIELDS);
  const contactFlags = fieldFlags(add, ctx, CONTACT_FIELDS, 'contact-');
  add
    .option('--staff <login,...>', t('cli.opt_add_staff'), collect)
    .option('--allow-duplicate', t('cli.opt_allow_duplicate'))
    .option('--json [file]', t('cli.opt_add_json'))
    .action(async (o) =>
      (await import('./commands/add.js')).run(ctx, {
        card: cardFlags(o),
        contact: contactFlags(o),
        staff: o.staff ?? [],
        allowDuplicate: !!o.allowDuplicate,
        json: o.json,
      }),
    );

  program
    .command('show <id>')
    .description(t('cli.show'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/show.js')).run(ctx, id, o));

  // The customer filters of list and export (src/commands/list-filters.ts).
  const filterFlags = (cmd: Command) =>
    cmd
      .option('--status <status>', t('cli.opt_status'))
      .option('--grade <grade>', t('cli.opt_grade'))
      .option('--region <region>', t('cli.opt_region'))
      .option('--industry <industry>', t('cli.opt_industry'))
      .option('--owner <login>', t('cli.opt_owner'))
      .option('--source <source>', t('cli.opt_source'))
      .option('--search <text>', t('cli.opt_search'))
      .option('--tier <tier>', t('cli.opt_tier'))
      .option('--kind <kind>', t('cli.opt_kind'))
      .option('--unassigned', t('cli.opt_unassigned'))
      .option('--archived', t('cli.opt_archived'));

  filterFlags(program.command('list').description(t('cli.list')))
    .addOption(new Option('--sort <key>', t('cli.opt_sort')).choices(['id', 'name', 'status', 'grade', 'region', 'owner', 'updated', 'created']).default('id'))
    .option('--desc', t('cli.opt_desc'))
    .option('--limit <n>', t('cli.opt_limit'))
    .option('--page <n>', t('cli.opt_page'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/list.js')).run(ctx, o));

  program
    .command('update <id>')
    .description(t('cli.update'))
    .option('--set <key=value...>', t('cli.opt_set'))
    .option('--add-staff <login,...>', t('cli.opt_add_staff'), collect)
    .option('--remove-staff <login,...>', t('cli.opt_remove_staff'), collect)
    .option('--allow-duplicate', t('cli.opt_allow_duplicate'))
    .option('--verification <n>', t('cli.opt_update_verification'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/update.js')).run(ctx, id, o));

  program
    .command('history <id>')
    .description(t('cli.history'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/history.js')).run(ctx, id, o));

  const contact = program.command('contact').description(t('cli.contact'));
  const contactAdd = contact.command('add <customer-id>').description(t('cli.contact_add'));
  const newContactFlags = fieldFlags(contactAdd, ctx, CONTACT_FIELDS);
  contactAdd
    .option('--allow-duplicate', t('cli.opt_allow_duplicate'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) =>
      (await import('./commands/contact/add.js')).run(ctx, id, { values: newContactFlags(o), allowDuplicate: !!o.allowDuplicate, json: !!o.json }),
    );
  contact
    .command('update <contact-id>')
    .description(t('cli.contact_update'))
    .requiredOption('--set <key=value...>', t('cli.opt_set'))
    .option('--allow-duplicate', t('cli.opt_allow_duplicate'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/contact/update.js')).run(ctx, id, o));
  contact
    .command('remove <contact-id>')
    .description(t('cli.contact_remove'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/contact/remove.js')).run(ctx, id, o));

  program
    .command('import <file>')
    .description(t('cli.import'))
    .option('--source <source>', t('cli.opt_import_source'), 'trade-show')
    .option('--event <name>', t('cli.opt_event'))
    .option('--event-date <date>', t('cli.opt_event_date'))
    .option('--owner <login>', t('cli.opt_import_owner'))
    .option('--map <header=field...>', t('cli.opt_map'))
    .option('--profile <name>', t('cli.opt_profile'))
    .option('--encoding <encoding>', t('cli.opt_encoding'), 'auto')
    .option('--sheet <name>', t('cli.opt_import_sheet'))
    .option('--on-duplicate <policy>', t('cli.opt_on_duplicate'), 'skip')
    .option('--dry-run', t('cli.opt_dry_run'))
    .option('--strict', t('cli.opt_strict'))
    .option('--errors <file>', t('cli.opt_errors'))
    .addOption(new Option('--kind <kind>', t('cli.opt_import_kind')).choices(['cards', 'deals']).default('cards'))
    .option('--json', t('cli.opt_json'))
    .action(async (file: string, o) => (await import('./commands/import.js')).run(ctx, file, o));

  const access = program.command('access').description(t('cli.access'));
  access
    .command('request')
    .description(t('cli.access_request'))
    .option('--customer <id>', t('cli.opt_access_customer'))
    .option('--region <region>', t('cli.opt_access_region'))
    .option('--product-line <line>', t('cli.opt_access_line'))
    .option('--purpose <text>', t('cli.opt_access_purpose'))
    .option('--days <n>', t('cli.opt_access_days'), '7')
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/access/request.js')).run(ctx, o));
  for (const verdict of ['approve', 'reject'] as const) {
    access
      .command(`${verdict} <request-id>`)
      .description(t(`cli.access_${verdict}`))
      .option('--comment <text>', t('cli.opt_access_comment'))
      .option('--json', t('cli.opt_json'))
      .action(async (id: string, o) => (await import('./commands/access/decide.js')).run(ctx, id, verdict, o));
  }
  access
    .command('revoke <request-id>')
    .description(t('cli.access_revoke'))
    .option('--comment <text>', t('cli.opt_access_comment'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/access/decide.js')).run(ctx, id, 'revoke', o));
  access
    .command('list')
    .description(t('cli.access_list'))
    .option('--mine', t('cli.opt_access_mine'))
    .option('--pending', t('cli.opt_access_pending'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/access/list.js')).run(ctx, o));

  program
    .command('log')
    .description(t('cli.log'))
    .option('--customer <id>', t('cli.opt_log_customer'))
    .option('--staff <login>', t('cli.opt_log_staff'))
    .option('--since <date>', t('cli.opt_log_since'))
    .option('--denied', t('cli.opt_log_denied'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/log.js')).run(ctx, o));

  program
    .command('handover <from-login>')
    .description(t('cli.handover'))
    .requiredOption('--to <login,...>', t('cli.opt_handover_to'), collect)
    .addOption(new Option('--split <how>', t('cli.opt_handover_split')).choices(['even', 'region']).default('even'))
    .option('--dry-run', t('cli.opt_dry_run'))
    .option('--notify <file>', t('cli.opt_handover_notify'))
    .option('--json', t('cli.opt_json'))
    .action(async (from: string, o) => (await import('./commands/handover.js')).run(ctx, from, o));

  const privacy = program.command('privacy').description(t('cli.privacy'));
  privacy
    .command('export <contact-id>')
    .description(t('cli.privacy_export'))
    .option('--reason <text>', t('cli.opt_privacy_reason'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/privacy/export.js')).run(ctx, id, o));
  privacy
    .command('correct <contact-id>')
    .description(t('cli.privacy_correct'))
    .requiredOption('--set <key=value...>', t('cli.opt_set'))
    .option('--reason <text>', t('cli.opt_privacy_reason'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/privacy/correct.js')).run(ctx, id, o));
  privacy
    .command('erase <contact-id>')
    .description(t('cli.privacy_erase'))
    // Required by the command itself, which says why in the user's language (as export and correct do).
    .option('--reason <text>', t('cli.opt_privacy_reason'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/privacy/erase.js')).run(ctx, id, o));

  const policy = program.command('policy').description(t('cli.policy'));
  policy
    .command('show')
    .description(t('cli.policy_show'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/policy/show.js')).run(ctx, o));
  policy
    .command('set <key> <value>')
    .description(t('cli.policy_set'))
    .option('--json', t('cli.opt_json'))
    .action(async (key: string, value: string, o) => (await import('./commands/policy/set.js')).run(ctx, key, value, o));

  program
    .command('classify [id]')
    .description(t('cli.classify'))
    .option('--score <name=score...>', t('cli.opt_score'))
    .option('--note <text>', t('cli.opt_note'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--review <quarter>', t('cli.opt_review'))
    .addOption(new Option('--by <basis>', t('cli.opt_by')).choices(['score', 'trade']).default('score'))
    .option('--apply', t('cli.opt_apply'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string | undefined, o) => (await import('./commands/classify.js')).run(ctx, id, o));

  program
    .command('status <id> <status>')
    .description(t('cli.status'))
    .option('--reason <text>', t('cli.opt_reason'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, status: string, o) => (await import('./commands/status.js')).run(ctx, id, status, o));

  const deal = program.command('deal').description(t('cli.deal'));
  deal
    .command('add <customer-id>')
    .description(t('cli.deal_add'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--amount <amount>', t('cli.opt_amount'))
    .option('--profit <amount>', t('cli.opt_profit'))
    .option('--line <line>', t('cli.opt_line'))
    .option('--mode <mode>', t('cli.opt_mode'))
    .option('--payment-terms <text>', t('cli.opt_payment_terms'))
    .option('--contract <no>', t('cli.opt_contract_no'))
    .option('--due <date>', t('cli.opt_due'))
    .option('--competitor <name>', t('cli.opt_competitor'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/deal/add.js')).run(ctx, id, o));
  deal
    .command('list')
    .description(t('cli.deal_list'))
    .option('--customer <id>', t('cli.opt_deal_customer'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/deal/list.js')).run(ctx, o));

  program
    .command('payment')
    .description(t('cli.payment'))
    .command('add <deal-id>')
    .description(t('cli.payment_add'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--amount <amount>', t('cli.opt_amount'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/payment/add.js')).run(ctx, id, o));

  const contract = program.command('contract').description(t('cli.contract'));
  contract
    .command('add <customer-id>')
    .description(t('cli.contract_add'))
    .option('--no <contract-no>', t('cli.opt_contract_no'))
    .option('--signed <date>', t('cli.opt_contract_signed'))
    .option('--long-term', t('cli.opt_long_term'))
    .option('--start <date>', t('cli.opt_start'))
    .option('--end <date>', t('cli.opt_end'))
    .option('--amount <amount>', t('cli.opt_amount'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/contract/add.js')).run(ctx, id, o));
  contract
    .command('check')
    .description(t('cli.contract_check'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/contract/check.js')).run(ctx, o));

  program
    .command('credit [id]')
    .description(t('cli.credit'))
    .option('--all', t('cli.opt_credit_all'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string | undefined, o) => (await import('./commands/credit.js')).run(ctx, id, o));

  const visit = program.command('visit').description(t('cli.visit'));
  visit
    .command('add <customer-id>')
    .description(t('cli.visit_add'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--address <text>', t('cli.opt_visit_address'))
    .option('--companions <login,...>', t('cli.opt_visit_companions'), collect)
    .option('--interlocutor <contact-id|name,title,phone>', t('cli.opt_visit_interlocutor'))
    .option('--planned <text>', t('cli.opt_visit_planned'))
    .option('--actual <text>', t('cli.opt_visit_actual'))
    .option('--next <text>', t('cli.opt_visit_next'))
    .option('--follow-up <date>', t('cli.opt_visit_follow_up'))
    .option('--support <departments>', t('cli.opt_visit_support'))
    .option('--remarks <text>', t('cli.opt_visit_remarks'))
    .option('--abnormal', t('cli.opt_abnormal'))
    .option('--json [file]', t('cli.opt_visit_json'))
    .action(async (id: string, o) => (await import('./commands/visit/add.js')).run(ctx, id, o));
  visit
    .command('approve <visit-id>')
    .description(t('cli.visit_approve'))
    .option('--comment <text>', t('cli.opt_access_comment'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/visit/approve.js')).run(ctx, id, o));
  visit
    .command('list')
    .description(t('cli.visit_list'))
    .option('--customer <id>', t('cli.opt_deal_customer'))
    .option('--rep <login>', t('cli.opt_visit_rep'))
    .option('--month <YYYY-MM>', t('cli.opt_month'))
    .option('--unapproved', t('cli.opt_unapproved'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/visit/list.js')).run(ctx, o));
  visit
    .command('show <visit-id>')
    .description(t('cli.visit_show'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/visit/show.js')).run(ctx, id, o));
  visit
    .command('due')
    .description(t('cli.visit_due'))
    .option('--month <YYYY-MM>', t('cli.opt_month'))
    .option('--rep <login>', t('cli.opt_visit_rep'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/visit/due.js')).run(ctx, o));

  program
    .command('note <customer-id>')
    .description(t('cli.note'))
    .option('--kind <kind>', t('cli.opt_note_kind'))
    .option('--text <text>', t('cli.opt_note_text'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--contact <contact-id>', t('cli.opt_note_contact'))
    .option('--abnormal', t('cli.opt_abnormal'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/note.js')).run(ctx, id, o));

  const complaint = program.command('complaint').description(t('cli.complaint'));
  complaint
    .command('handle <note-id>')
    .description(t('cli.complaint_handle'))
    .option('--resolution <text>', t('cli.opt_resolution'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/complaint/handle.js')).run(ctx, id, o));
  complaint
    .command('close <note-id>')
    .description(t('cli.complaint_close'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/complaint/close.js')).run(ctx, id, o));
  complaint
    .command('list')
    .description(t('cli.complaint_list'))
    .option('--open', t('cli.opt_complaint_open'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/complaint/list.js')).run(ctx, o));

  program
    .command('survey')
    .description(t('cli.survey'))
    .command('add <customer-id>')
    .description(t('cli.survey_add'))
    .option('--score <1-5>', t('cli.opt_survey_score'))
    .option('--text <text>', t('cli.opt_note_text'))
    .option('--date <date>', t('cli.opt_date'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/survey/add.js')).run(ctx, id, o));

  program
    .command('timeline <customer-id>')
    .description(t('cli.timeline'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/timeline.js')).run(ctx, id, o));

  program
    .command('agenda')
    .description(t('cli.agenda'))
    .option('--days <n>', t('cli.opt_agenda_days'), '7')
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/agenda.js')).run(ctx, o));

  program
    .command('ack <kind> <id>')
    .description(t('cli.ack'))
    .option('--json', t('cli.opt_json'))
    .action(async (kind: string, id: string, o) => (await import('./commands/ack.js')).run(ctx, kind, id, o));

  const report = program.command('report').description(t('cli.report'));
  report
    .command('monthly')
    .description(t('cli.report_monthly'))
    .option('--month <YYYY-MM>', t('cli.opt_report_month'))
    .option('--format <format>', t('cli.opt_report_format'))
    .option('--out <file|dir>', t('cli.opt_report_out'))
    .option('--all-rows', t('cli.opt_report_all_rows'))
    .option('--json', t('cli.opt_report_json'))
    .action(async (o) => (await import('./commands/report/monthly.js')).run(ctx, o));
  // The single reports: one table or a few, formats table, md, json and csv.
  const single = (name: string, description: string) =>
    report
      .command(name)
      .description(description)
      .option('--format <format>', t('cli.opt_report_tabular_format'))
      .option('--out <file>', t('cli.opt_out'))
      .option('--all-rows', t('cli.opt_report_all_rows'))
      .option('--json', t('cli.opt_report_json'));
  single('composition', t('cli.report_composition'))
    .option('--from <date>', t('cli.opt_report_from'))
    .option('--to <date>', t('cli.opt_report_to'))
    .option('--by <key>', t('cli.opt_report_composition_by'))
    .action(async (o) => (await import('./commands/report/composition.js')).run(ctx, o));
  single('receivables', t('cli.report_receivables'))
    .option('--as-of <date>', t('cli.opt_report_as_of'))
    .action(async (o) => (await import('./commands/report/receivables.js')).run(ctx, o));
  single('visits', t('cli.report_visits'))
    .option('--month <YYYY-MM>', t('cli.opt_report_visits_month'))
    .action(async (o) => (await import('./commands/report/visits.js')).run(ctx, o));
  single('customers', t('cli.report_customers'))
    .option('--by <key>', t('cli.opt_report_customers_by'))
    .action(async (o) => (await import('./commands/report/customers.js')).run(ctx, o));
  single('referrals', t('cli.report_referrals')).action(async (o) => (await import('./commands/report/referrals.js')).run(ctx, o));
  single('kinds', t('cli.report_kinds')).action(async (o) => (await import('./commands/report/kinds.js')).run(ctx, o));
  single('groups', t('cli.report_groups')).action(async (o) => (await import('./commands/report/groups.js')).run(ctx, o));

  const exportCmd = filterFlags(program.command('export').description(t('cli.export')))
    .addOption(new Option('--format <format>', t('cli.opt_export_format')).choices(['csv', 'xlsx', 'json']))
    .option('--fields <key,...>', t('cli.opt_export_fields'), collect)
    .option('--raw', t('cli.opt_export_raw'))
    .option('--out <file>', t('cli.opt_out'));
  exportCmd.action(async (o) => (await import('./commands/export.js')).run(ctx, o));

  // Maintenance: the file itself (backup, restore, doctor).
  program
    .command('backup <file>')
    .description(t('cli.backup'))
    .option('--force', t('cli.opt_backup_force'))
    .option('--json', t('cli.opt_json'))
    .action(async (file: string, o) => (await import('./commands/backup.js')).run(ctx, file, o));
  program
    .command('restore <file>')
    .description(t('cli.restore'))
    .option('--json', t('cli.opt_json'))
    .action(async (file: string, o) => (await import('./commands/restore.js')).run(ctx, file, o));
  program
    .command('doctor')
    .description(t('cli.doctor'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/doctor.js')).run(ctx, o));

  // Keeping the files true: verification, staleness, archiving, assignment, file reports.
  program
    .command('verify <id>')
    .description(t('cli.verify'))
    .option('--by <method>', t('cli.opt_verify_by'))
    .option('--fields <key,...>', t('cli.opt_verify_fields'), collect)
    .option('--note <text>', t('cli.opt_verify_note'))
    .option('--set <key=value...>', t('cli.opt_verify_set'))
    .option('--allow-duplicate', t('cli.opt_allow_duplicate'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/verify.js')).run(ctx, id, o));
  program
    .command('unverified')
    .description(t('cli.unverified'))
    .option('--owner <login>', t('cli.opt_owner'))
    .option('--source <source>', t('cli.opt_source'))
    .option('--region <region>', t('cli.opt_region'))
    .option('--kind <kind>', t('cli.opt_kind'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/unverified.js')).run(ctx, o));
  program
    .command('stale')
    .description(t('cli.stale'))
    .option('--days <n>', t('cli.opt_stale_days'))
    .option('--owner <login>', t('cli.opt_owner'))
    .option('--region <region>', t('cli.opt_region'))
    .option('--kind <kind>', t('cli.opt_kind'))
    .option('--json', t('cli.opt_json'))
    .action(async (o) => (await import('./commands/stale.js')).run(ctx, o));
  program
    .command('archive <id>')
    .description(t('cli.archive'))
    .option('--reason <text>', t('cli.opt_archive_reason'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/archive.js')).run(ctx, id, true, o));
  program
    .command('unarchive <id>')
    .description(t('cli.unarchive'))
    .option('--json', t('cli.opt_json'))
    .action(async (id: string, o) => (await import('./commands/archive.js')).run(ctx, id, false, o));
  filterFlags(program.command('assign [ids...]').description(t('cli.assign')))
    .requiredOption('--to <login>', t('cli.opt_assign_to'))
    .option('--reason <text>', t('cli.opt_assign_reason'))
    .option('--yes', t('cli.opt_yes'))
    .option('--dry-run', t('cli.opt_dry_run'))
    .option('--json', t('cli.opt_json'))
    .action(async (ids: string[], o) => (await import('./commands/assign.js')).run(ctx, ids, o));

  return program;
}
