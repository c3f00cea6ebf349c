// Messages of the report pages (report --format html and csv) (see messages.ts).
import type { Catalogue } from '../messages.js';

export const reportPagesMessages = {
  'report_pages.csv_needs_out': {
    zh: 'CSV 报表每个部分一个文件：请用 --out 目录 指定存放位置（不存在时自动创建），如 --out 月报-{month}/。',
    en: 'the CSV report is one file per section: give --out DIRECTORY (created if missing), e.g. --out report-{month}/.',
  },
  'report_pages.csv_out_not_dir': {
    zh: '--out "{path}" 是文件名，而 CSV 报表每个部分一个文件：请给出目录（不存在时自动创建），如 --out {suggest}/。',
    en: '--out "{path}" names a file, but the CSV report is one file per section: give a directory (created if missing), e.g. --out {suggest}/.',
  },
  'report_pages.json_with_format': {
    zh: '--json 输出 JSON 报表，与 --format {format} 冲突：去掉其中之一，或加 --out 写入 {format} 文件（--json 则列出所写文件）。',
    en: '--json prints the report as JSON, not {format}: drop one of them, or add --out to write the {format} file (--json then lists it).',
  },
  // CSV cells are raw numbers, so the header carries the unit.
  'report_pages.csv_money': { zh: '{label}（元）', en: '{label} (CNY)' },
  'report_pages.csv_percent': { zh: '{label}（%）', en: '{label} (%)' },
  'report_pages.legend_month': { zh: '本月 {month}', en: 'This month {month}' },
  'report_pages.legend_previous': { zh: '上月 {month}', en: 'Previous month {month}' },
  'report_pages.visits_by_rep': { zh: '客户拜访（按业务员，对照最低拜访次数）', en: 'Visits by rep against the minimums' },
  'report_pages.visits_done': { zh: '已拜访次数', en: 'Visits done' },
  'report_pages.visits_required': { zh: '最低拜访次数', en: 'Minimum visits' },
  'report_pages.generated': { zh: '由 crm 生成', en: 'Made by crm' },
  'cli.opt_report_out': {
    zh: '写入文件（先写临时文件再改名）；csv 格式为目录，每个部分一个文件',
    en: 'write to this file (atomically); for csv, a directory with one file per section',
  },
  'cli.opt_report_all_rows': {
    zh: '表格、Markdown 和 HTML 中列出每个名单的全部客户（默认每个名单列前 30 家；CSV 和 JSON 总是全部列出）',
    en: 'list every file of each list in table, Markdown and HTML (by default the first 30; CSV and JSON always list all)',
  },
  'report_pages.reading': { zh: '正在汇总本月数据', en: "gathering the month's figures" },
  'report_pages.rendering': { zh: '正在生成报表', en: 'laying out the report' },
  'report_pages.xlsx_about': { zh: '说明', en: 'About' },
  'cli.opt_report_json': {
    zh: '有 --out 时以 JSON 列出所写文件；否则等同 --format json',
    en: 'with --out, list the files written as JSON; otherwise the same as --format json',
  },
} satisfies Catalogue;
