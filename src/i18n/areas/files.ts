// Messages of verification, staleness, archiving, assignment, kinds, referrals and groups (see messages.ts).
import type { Catalogue } from '../messages.js';

export const filesMessages = {
  // Rules of the card that span files.
  'rule.parent_unknown': {
    zh: '{field}（{key}）{value} 不存在：请填写已建档的上级公司编号（用 crm list --search 查找）。',
    en: '{field} ({key}) {value} does not exist: name the parent company by the id of its file (find it with crm list --search).',
  },
  'rule.related_self': {
    zh: '{field}（{key}）{value} 不能指向本档案或其下属分支：否则会形成循环。',
    en: '{field} ({key}) {value} cannot be this file or one of its own branches: that would make a loop.',
  },
  'rule.referral_source': {
    zh: '{field}（{key}）"{value}"与介绍客户矛盾：填写介绍客户时，来源即为"已合作客户介绍"（referral），请去掉 {key} 或改为 referral。',
    en: '{field} ({key}) "{value}" contradicts the referring customer: a file referred by a customer has source referral; drop {key} or set it to referral.',
  },
  'files.owner_and_unassigned': {
    zh: '--owner 与 --unassigned 不能同时使用：未分配的档案没有负责人。',
    en: '--owner and --unassigned exclude each other: unassigned files have no owner.',
  },

  // crm verify
  // A verification as crm history names it and its fields (verify #N, created with its method …).
  'history.entity_verification': { zh: '核实', en: 'verification' },
  'history.field_method': { zh: '核实方式', en: 'method' },
  'history.field_fields': { zh: '核实字段', en: 'fields confirmed' },
  'history.field_note': { zh: '备注', en: 'note' },
  'verify.missing_by': {
    zh: '缺少 --by：请说明如何核实，可选 {methods}（或 电话 传真 邮件 拜访）。',
    en: '--by is missing: say how the file was confirmed: {methods}.',
  },
  'verify.bad_by': {
    zh: '--by"{value}"不是核实方式：可选 {methods}（或 电话 传真 邮件 拜访）。',
    en: '--by "{value}" is not a way of confirming: use {methods}.',
  },
  'verify.unknown_fields': {
    zh: '--fields 中的 {fields} 不是资料卡字段：可用 {allowed}。',
    en: '--fields names {fields}, which are not fields of the card: use {allowed}.',
  },
  'verify.done_file': {
    zh: '已记录核实 #{n}：{id} 全部资料经{how}确认。',
    en: 'Recorded verification #{n}: {id} confirmed as a whole by {how}.',
  },
  'verify.done_fields': {
    zh: '已记录核实 #{n}：{id} 的 {fields} 经{how}确认（档案其余部分仍待核实）。',
    en: 'Recorded verification #{n}: {fields} of {id} confirmed by {how} (the rest of the file is not).',
  },
  'verify.corrected': {
    zh: '已更正 {n} 项，修改记录注明"verify #{verification}"。',
    en: 'Corrected {n} field(s); the history links them to verify #{verification}.',
  },

  // crm unverified, crm stale
  'unverified.none': { zh: '没有待核实的档案。', en: 'No files await confirmation.' },
  'unverified.total': {
    zh: '共 {n} 份档案待核实：逐一用 crm verify ID --by phone|fax|email|visit 记录确认。',
    en: '{n} file(s) await confirmation: record each with crm verify ID --by phone|fax|email|visit.',
  },
  'stale.bad_days': { zh: '--days"{value}"不是 1 至 3650 之间的整数。', en: '--days "{value}" is not a whole number from 1 to 3650.' },
  'stale.none': { zh: '没有超过 {days} 天未更新或核实的档案。', en: 'No file has gone {days} days without an update or a verification.' },
  'stale.total': {
    zh: '共 {n} 份档案自 {before} 起未更新或核实（超过 {days} 天）：请核实（crm verify）、更新（crm update）或归档（crm archive）。',
    en: '{n} file(s) not updated or verified since {before} (over {days} days): verify (crm verify), update (crm update) or retire them (crm archive).',
  },
  'files.col_id': { zh: '编号', en: 'ID' },
  'files.col_name': { zh: '企业名称', en: 'Company' },
  'files.col_source': { zh: '来源', en: 'Source' },
  'files.col_owner': { zh: '负责人', en: 'Owner' },
  'files.col_created': { zh: '建档日期', en: 'Filed on' },
  'files.col_days': { zh: '天数', en: 'Days' },
  'files.col_updated': { zh: '最近更新', en: 'Updated' },
  'files.col_verified': { zh: '最近核实', en: 'Verified' },
  'files.col_kind': { zh: '类别', en: 'Kind' },
  'files.col_files': { zh: '档案数', en: 'Files' },

  // crm archive, crm unarchive
  'archive.missing_reason': {
    zh: '缺少 --reason：归档须注明原因，如 crm archive {id} --reason "公司已注销"。',
    en: '--reason is missing: say why the file is retired, e.g. crm archive {id} --reason "company dissolved".',
  },
  'archive.denied': {
    zh: '无权归档或恢复档案：此项由资料管理员、区域经理或管理层办理。',
    en: 'You may not archive or restore files: the records clerk, regional managers or management do.',
  },
  'archive.already': { zh: '{id} 已经归档：如需恢复，请用 crm unarchive {id}。', en: '{id} is already archived: restore it with crm unarchive {id}.' },
  'archive.not_archived': { zh: '{id} 未归档，无需恢复。', en: '{id} is not archived: nothing to restore.' },
  'archive.done': {
    zh: '已归档 {id}（原因：{reason}）。资料保留，不再出现在 crm list 中；可用 crm unarchive {id} 恢复。',
    en: 'Archived {id} ({reason}). Nothing is deleted; it leaves crm list and comes back with crm unarchive {id}.',
  },
  'archive.restored': { zh: '已恢复 {id}。', en: 'Restored {id}.' },

  // crm assign
  'assign.denied': {
    zh: '无权分配客户：新客户及离职人员的客户由区域经理、部门经理、资料管理员或管理层分配。',
    en: 'You may not assign customers: regional managers, managers, the records clerk or management do.',
  },
  'assign.to_unknown': { zh: '--to：没有登录名为 {login} 的员工，请用 crm staff list 查看。', en: '--to: no staff member has the login {login}; see crm staff list.' },
  'assign.to_inactive': { zh: '--to：{login} 已停用，不能接收客户。', en: '--to: {login} is deactivated and cannot receive customers.' },
  'assign.to_no_role': {
    zh: '--to：{login} 的岗位是"其他"，不负责客户：请交给销售、客服或管理人员（crm staff list 查看）。',
    en: '--to: {login} has no customer role (role "other"): give the files to a rep, service or management staff member (see crm staff list).',
  },
  'assign.ids_and_filters': {
    zh: '请二选一：列出客户编号，或用筛选条件（如 --unassigned --region 华南）选择档案。',
    en: 'Name the files either by id or by filters (e.g. --unassigned --region 华南), not both.',
  },
  'assign.nothing_named': {
    zh: '未指定档案：请列出客户编号（C000001,C000002），或用筛选条件，如 --unassigned。',
    en: 'No files named: give ids (C000001,C000002) or filters such as --unassigned.',
  },
  'assign.needs_yes': {
    zh: '将有 {n} 份档案更换负责人：没有终端可以确认，请加 --yes（可先用 --dry-run 查看）。',
    en: '{n} files would change owner: there is no terminal to confirm on; pass --yes (check first with --dry-run).',
  },
  'assign.confirm': { zh: '将 {n} 份档案分配给 {to}?', en: 'Assign {n} files to {to}?' },
  'assign.cancelled': { zh: '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  'assign.dry_run': {
    zh: '试运行：将有 {n} 份档案分配给 {to}（{unchanged} 份已属于 {to}），未做任何更改。',
    en: 'Dry run: {n} file(s) would go to {to} ({unchanged} already theirs); nothing was changed.',
  },
  'assign.nothing_moved': {
    zh: '没有需要分配的档案（{unchanged} 份已属于 {to}），未做任何更改。',
    en: 'Nothing to assign ({unchanged} already theirs); nothing was changed.',
  },
  'assign.done': {
    zh: '已将 {n} 份档案分配给 {to}（分配 #{assignment}，{unchanged} 份原已属于 {to}）。',
    en: 'Assigned {n} file(s) to {to} (assignment #{assignment}; {unchanged} already theirs).',
  },

  // crm show
  'show.stale_mark': { zh: '[过旧]', en: '[stale]' },
  'show.archived': { zh: '已归档：{at}，{by}，原因：{reason}', en: 'Archived {at} by {by}: {reason}' },
  'show.stale_file': {
    zh: '资料过旧：自 {since} 起未更新或核实（超过 {days} 天），请核实（crm verify {id}）或更新',
    en: 'Stale: not updated or verified since {since} (over {days} days); verify (crm verify {id}) or update it',
  },
  'show.stale_fields': {
    zh: '{n} 项资料超过 {days} 天未更新或核实（标有 [过旧]），请核实：crm verify {id} --fields …',
    en: '{n} field(s) not updated or verified for over {days} days (marked [stale]); confirm them with crm verify {id} --fields …',
  },
  'show.out_of_scope_name': { zh: '（无权查看）', en: '(not yours to see)' },
  'show.referrals_heading': { zh: '介绍的客户', en: 'Customers it referred' },
  'show.group_heading': { zh: '集团与分支（分厂、子公司）', en: 'Group: parent, branches and subsidiaries' },
  'show.this_file': { zh: '← 本档案', en: '← this file' },

  // crm agenda
  'agenda.kind_stale': { zh: '资料过旧', en: 'stale file' },
  'agenda.stale_detail': { zh: '超过 {days} 天未更新或核实', en: 'not updated or verified for over {days} days' },

  // crm update --verification N
  'update.bad_verification': {
    zh: '--verification "{value}" 不是 {id} 的核实记录编号：请用 crm verify 输出的编号（如 --verification 3）。',
    en: '--verification "{value}" is not a verification of {id}: use the number crm verify printed (e.g. --verification 3).',
  },
  'cli.opt_update_verification': {
    zh: '这些更正来自第 N 次核实（历史记录中记为 verify #N）',
    en: 'these corrections come from verification N (recorded in the history as verify #N)',
  },

  // crm report referrals | kinds | groups
  'report.referrals_title': { zh: '客户介绍（截至 {date}，交易额为近 12 个月）', en: 'Referrals by customers (as of {date}; trade over the last 12 months)' },
  'report.kinds_title': { zh: '往来单位类别（截至 {date}，交易额为近 12 个月）', en: 'Files by kind (as of {date}; trade over the last 12 months)' },
  'report.groups_title': { zh: '集团与分支（截至 {date}，交易额为近 12 个月）', en: 'Groups rolled up to the parent (as of {date}; trade over the last 12 months)' },
  'report.referrals_none': { zh: '没有客户介绍来的档案。', en: 'No file was referred by a customer.' },
  'report.groups_none': { zh: '没有带分支或子公司的档案。', en: 'No file has branches or subsidiaries.' },
  'files.col_ref_referrer': { zh: '介绍客户', en: 'Referrer' },
  'files.col_ref_referred': { zh: '介绍数', en: 'Referred' },
  'files.col_ref_cooperating': { zh: '已合作', en: 'Cooperating' },
  'files.col_ref_trade': { zh: '近12个月交易额', en: 'Trade, 12 months' },
  'files.col_ref_ids': { zh: '被介绍客户', en: 'Referred files' },
  'files.col_group_head': { zh: '上级公司', en: 'Parent' },
  'files.col_group_files': { zh: '档案数', en: 'Files' },
  'files.col_group_head_trade': { zh: '本身交易额（12个月）', en: 'Own trade, 12 months' },
  'files.col_group_group_trade': { zh: '集团合计（12个月）', en: 'Group trade, 12 months' },

  // Help
  'cli.verify': { zh: '记录档案（或部分字段）经电话、传真、邮件或拜访核实；--set 同时更正', en: 'record that a file (or some fields) was confirmed by phone, fax, e-mail or visit; --set corrects it' },
  'cli.opt_verify_by': { zh: '核实方式：phone fax email visit', en: 'how: phone, fax, email, visit' },
  'cli.opt_verify_fields': { zh: '只核实这些字段（逗号分隔）', en: 'confirm only these fields (comma-separated)' },
  'cli.opt_verify_note': { zh: '核实说明', en: 'note on the confirmation' },
  'cli.opt_verify_set': { zh: '核实中发现的更正 key=value', en: 'corrections found while confirming, key=value' },
  'cli.unverified': { zh: '列出尚未核实的档案，最早的在前', en: 'list the files not yet confirmed, oldest first' },
  'cli.stale': { zh: '列出超过期限未更新或核实的档案', en: 'list the files not updated or verified for too long' },
  'cli.opt_stale_days': { zh: '天数（默认为政策设置 stale_days）', en: 'days (default: the policy setting stale_days)' },
  'cli.archive': { zh: '归档（不删除）档案，须注明原因', en: 'retire a file (kept, not deleted), with a reason' },
  'cli.opt_archive_reason': { zh: '归档原因', en: 'why the file is retired' },
  'cli.unarchive': { zh: '恢复已归档的档案', en: 'restore an archived file' },
  'cli.assign': { zh: '将客户分配给负责人（按编号或筛选条件）', en: 'assign files to an owner, by id or by filters' },
  'cli.opt_assign_to': { zh: '新负责人登录名', en: "the new owner's login" },
  'cli.opt_assign_reason': { zh: '分配原因', en: 'why' },
  'cli.opt_yes': { zh: '不再确认（超过 3 份档案时）', en: 'do not ask to confirm (more than 3 files)' },
  'cli.opt_kind': { zh: '类别：customer supplier distributor special', en: 'kind: customer, supplier, distributor, special' },
  'cli.opt_unassigned': { zh: '只列没有负责人的档案', en: 'only files without an owner' },
  'cli.opt_archived': { zh: '只列已归档的档案', en: 'only archived files' },
  'cli.report_referrals': { zh: '按介绍客户统计客户介绍', en: 'referrals by referring customer' },
  'cli.report_kinds': { zh: '按类别（客户、供应商、经销商、特殊关系单位）统计档案', en: 'files by kind (customer, supplier, distributor, special)' },
  'cli.report_groups': { zh: '集团与分支：交易额汇总到上级公司', en: 'groups: trade rolled up to the parent company' },
} satisfies Catalogue;
