// Messages of the privacy commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const privacyMessages = {
  // crm access list: what a request is for, beside a customer id.
  'access.scope_region': { zh: '区域 {region}', en: 'region {region}' },
  'access.scope_line': { zh: '品项 {line}', en: 'product line {line}' },
  'privacy.denied': {
    zh: '只有经理、营销总监、总经理、客户资料管理员或管理员可以处理个人信息请求（个人信息保护法，POLICY §9）：请转交他们办理。',
    en: 'only a manager, the marketing director, the general manager, the records clerk or the admin may handle requests about personal data (PIPL, POLICY §9): pass the request to them.',
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
