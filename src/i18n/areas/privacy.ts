// Messages of the privacy commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const privacyMessages = {
  // crm access list: what a request is for, beside a customer id.
  'access.scope_customer': { zh: '客户 {id}', en: 'customer {id}' },
  'access.scope_region': { zh: '区域 {region}', en: 'region {region}' },
  'access.scope_line': { zh: '品项 {line}', en: 'product line {line}' },
  // Why the caller already reads it: the grant (domain/scope.ts) as the access log names it.
  'access.basis_all': { zh: '您的岗位可查阅全部客户', en: 'your role reads every customer' },
  'access.basis_own': { zh: '您是其负责人或参与人员', en: 'you own it or are its staff contact' },
  'access.basis_region': { zh: '您所在的区域', en: 'your region' },
  'access.basis_product-line': { zh: '您负责的品项', en: 'your product line' },
  'access.basis_request': { zh: '已批准的申请 {id}', en: 'approved request {id}' },
  // crm access request for what the caller already reads.
  'access.already_readable': {
    zh: '您已可查阅{what}（依据：{basis}）：无需申请，直接用 crm show 或 crm list 查看即可。',
    en: 'you can already read {what} ({basis}): no request is needed; open it with crm show or crm list.',
  },
  'privacy.denied': {
    zh: '只有经理、营销总监、总经理、客户资料管理员或管理员可以处理个人信息请求（个人信息保护法，POLICY §9）：请转交他们办理。',
    en: 'only a manager, the marketing director, the general manager, the records clerk or the admin may handle requests about personal data (PIPL, POLICY §9): pass the request to them.',
  },
  'privacy.missing_reason': {
    zh: '缺少 --reason：每项个人信息请求（导出、更正、删除）都须登记原因（第50条）：请写明，如 --reason "本人2026-11-20书面申请"。',
    en: '--reason is missing: every request about personal data (export, correction, erasure) is recorded with its reason (Art. 50): say why, e.g. --reason "written request of 2026-11-20".',
  },
  'privacy.blank_reason': {
    zh: '--reason 为空：个人信息请求须记录原因（第50条）：请写明，如 --reason "本人2026-11-20书面申请"。',
    en: '--reason is empty: a request about personal data is recorded with its reason (Art. 50): say why, e.g. --reason "written request of 2026-11-20".',
  },
  'privacy.sheet_title': { zh: '联系人 #{id} 的个人信息（个人信息保护法第45条）', en: 'Personal data held about contact #{id} (PIPL Art. 45)' },
  'privacy.customer': { zh: '所属客户：{id} {name}', en: 'Customer: {id} {name}' },
  'privacy.contact_heading': { zh: '联系人资料', en: 'Contact' },
  'privacy.history_heading': { zh: '修改历史', en: 'History' },
  'privacy.requests_heading': { zh: '此前的个人信息请求', en: 'Earlier requests about this person' },
  'privacy.none': { zh: '（无）', en: '(none)' },
  'privacy.col_at': { zh: '时间', en: 'When' },
  'privacy.col_who': { zh: '经办人', en: 'Handled by' },
  'privacy.col_kind': { zh: '类型', en: 'Kind' },
  'privacy.col_reason': { zh: '原因', en: 'Reason' },
  'privacy.col_outcome': { zh: '结果', en: 'Outcome' },
  'privacy.kind_export': { zh: '查阅复制', en: 'export' },
  'privacy.kind_correct': { zh: '更正', en: 'correction' },
  'privacy.kind_erase': { zh: '删除', en: 'erasure' },
  // What an earlier request did, in the register (crm privacy export); --json gives the English.
  'privacy.outcome_export': { zh: '已导出：修改历史 {history} 条，此前的请求 {requests} 条', en: 'exported: {history} history rows, {requests} earlier requests' },
  'privacy.outcome_correct': { zh: '已更正：{fields}', en: 'corrected: {fields}' },
  'privacy.outcome_nothing': { zh: '资料无变化，无需更正', en: 'nothing to correct' },
  'privacy.outcome_erase': {
    zh: '已删除联系人 {contact}，原有：{fields}{cleared}；已清理修改历史 {n} 条',
    en: 'deleted contact {contact}, held: {fields}{cleared}; history rows scrubbed: {n}',
  },
  'privacy.outcome_cleared': { zh: '；已清空客户资料中的：{fields}', en: '; cleared from the customer: {fields}' },
  'privacy.recorded': { zh: '本次导出已登记为个人信息请求 {request}。', en: 'This export is recorded as privacy request {request}.' },
  'privacy.corrected': {
    zh: '已更正联系人 {id}：{fields}（登记为个人信息请求 {request}）。',
    en: 'Corrected contact {id}: {fields} (recorded as privacy request {request}).',
  },
  'privacy.unchanged': {
    zh: '联系人 {id} 的资料已是这些值，无需更正（请求已登记为 {request}）。',
    en: 'Contact {id} already holds these values: nothing to correct (the request is recorded as {request}).',
  },
  'privacy.erased': {
    zh: '已删除联系人 {id} 的个人信息（{fields}），客户 {customer} 的档案及交易记录保留（登记为个人信息请求 {request}）。',
    en: "Erased contact {id}'s personal data ({fields}); customer {customer}'s file and trade records are kept (recorded as privacy request {request}).",
  },
  'privacy.customer_cleared': {
    zh: '客户 {customer} 的以下字段存有此人的信息，已一并清空：{fields}。',
    en: "These fields of customer {customer} held this person's data and were cleared too: {fields}.",
  },
  'privacy.checkpoint_busy': {
    zh: '注意：另一个 crm 正在读取数据库，被删除的值可能暂留在 -wal 文件中：待其结束后，该文件会在最后一个 crm 关闭时清空，无需其他操作。',
    en: 'note: another crm is reading the database, so the erased values may linger in its -wal file until it ends; the file is emptied when the last crm closes it, nothing else to do.',
  },
} satisfies Catalogue;
