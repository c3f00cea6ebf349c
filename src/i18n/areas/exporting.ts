// Messages of the exporting commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const exportingMessages = {
  'export.unknown_field': {
    zh: '--fields 中的 "{field}" 不是可导出的字段。可选:{allowed}',
    en: '--fields: "{field}" is not a field of the export. Allowed: {allowed}',
  },
  'export.out_is_dir': {
    zh: '--out {path} 是一个目录:请给出文件名,如 {path}/客户.csv。',
    en: '--out {path} is a directory: give a file name, e.g. {path}/customers.csv.',
  },
  'export.written': { zh: '已导出 {n} 个客户到 {path}。', en: 'Exported {n} {n|customer|customers} to {path}.' },
} satisfies Catalogue;
