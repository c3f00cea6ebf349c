// Messages of the exporting commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const exportingMessages = {
  'export.unknown_field': {
    zh: '--fields 中的 "{field}" 不是可导出的字段。可选：{allowed}',
    en: '--fields: "{field}" is not a field of the export. Allowed: {allowed}',
  },
  'export.out_is_dir': {
    zh: '--out {path} 是一个目录：请给出文件名，如 {path}/客户.csv。',
    en: '--out {path} is a directory: give a file name, e.g. {path}/customers.csv.',
  },
  // The CSV's headers that are not the card's labels. The contact's are the ones crm import knows
  // (联系人, 职务, 联系人手机, 联系邮箱), so that an export goes back in as cards.
  'export.column.id': { zh: '客户编号', en: 'Customer ID' },
  'export.column.contact_name': { zh: '联系人', en: 'Contact name' },
  'export.column.contact_title': { zh: '职务', en: 'Job title' },
  // Named as the contact's own, so that the import files the plain 电话 and 电子邮箱 with the company.
  'export.column.contact_mobile': { zh: '联系人手机', en: 'Contact mobile' },
  'export.column.contact_email': { zh: '联系邮箱', en: 'Contact e-mail' },
  'cli.opt_export_raw': {
    zh: 'CSV 用字段键和代码（供脚本使用），而不是中文标题和术语',
    en: 'CSV with the keys and codes (for scripts) instead of labels and terms',
  },
  'export.working': { zh: '正在导出', en: 'exporting' },
  'export.sheet': { zh: '客户', en: 'Customers' },
  'export.written': { zh: '已导出 {n} 个客户到 {path}。', en: 'Exported {n} {n|customer|customers} to {path}.' },
} satisfies Catalogue;
