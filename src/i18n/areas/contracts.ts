// Messages of the contracts and credit commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const contractsMessages = {
  'contracts.no_required': {
    zh: '缺少合同编号：合同须有编号才能登记和查找，请用 --no 指定，如 --no HT-2026-001。',
    en: 'no contract number: a contract is recorded and found by its number; give it with --no, e.g. --no HT-2026-001.',
  },
  'contracts.signed_required': {
    zh: '缺少签订日期：合同是否有效取决于签订日期，请用 --signed 指定，如 --signed 2026-03-15。',
    en: 'no signing date: whether a contract is in force depends on it; give it with --signed, e.g. --signed 2026-03-15.',
  },
  'contracts.bad_date': {
    zh: '{flag} "{value}" 不是有效日期：请写成 YYYY-MM-DD（如 2026-03-15），且须是真实存在的日期。',
    en: '{flag} "{value}" is not a real date: write YYYY-MM-DD, e.g. 2026-03-15.',
  },
  'contracts.end_before_signed': {
    zh: '到期日期 {end} 早于签订日期 {signed}：合同不能在签订前到期，请检查 --signed 和 --end。',
    en: 'the end date {end} is before the signing date {signed}: a contract cannot end before it is signed; check --signed and --end.',
  },
  'contracts.end_before_start': {
    zh: '到期日期 {end} 早于生效日期 {start}：合同不能在生效前到期，请检查 --start 和 --end。',
    en: 'the end date {end} is before the start date {start}: a contract cannot end before it starts; check --start and --end.',
  },
  'contracts.bad_amount': {
    zh: '合同金额 "{value}" 不是有效金额：可写 5000000、5,000,000、500万 或 1.2亿（单位：元）。',
    en: 'the contract amount "{value}" is not an amount: write 5000000, 5,000,000, 500万 or 1.2亿 (CNY).',
  },
  'contracts.duplicate_no': {
    zh: '合同编号 {no} 已登记在客户 {id} 名下：合同编号不能重复，请核对编号（crm contract check 列出缺少合同的客户）。',
    en: 'contract number {no} is already recorded for customer {id}: numbers are unique; check the number.',
  },
  'contracts.none_missing': {
    zh: '截至 {as_of}，您负责范围内没有缺少合同的客户。',
    en: 'as of {as_of}, no customer you may see is missing a contract.',
  },
  'contracts.col_id': { zh: '编号', en: 'ID' },
  'contracts.col_name': { zh: '客户名称', en: 'Name' },
  'contracts.col_grade': { zh: '等级', en: 'Grade' },
  'contracts.col_owner': { zh: '负责人', en: 'Owner' },
  'contracts.col_reason': { zh: '问题', en: 'Issue' },
  'contracts.reason_ab_without_contract': { zh: 'A/B 类客户没有有效合同', en: 'A/B customer without a contract in force' },
  'contracts.reason_c_with_deals_without_contract': { zh: 'C 类客户已有交易但未签合同', en: 'C customer with deals but no contract' },

  'credit.id_or_all': {
    zh: '请指定要评定的客户编号（如 crm credit C000123），或用 --all 重新评定您负责的全部客户。',
    en: 'say which customer to rate (crm credit C000123), or use --all to rate every customer you may change.',
  },
  'credit.id_and_all': {
    zh: '客户编号和 --all 只能二选一：评定一个客户请去掉 --all，评定全部请去掉编号。',
    en: 'give either a customer id or --all, not both: drop --all to rate one customer, or the id to rate all.',
  },
  'credit.heading': {
    zh: '{id} {name}：信用评级 {rating}，得分 {score}/100（{as_of} 评定）',
    en: '{id} {name}: credit rating {rating}, score {score}/100 (rated {as_of})',
  },
  'credit.heading_unrated': {
    zh: '{id} {name}：未评级（{as_of}）：{reason}',
    en: '{id} {name}: unrated ({as_of}): {reason}',
  },
  'credit.unrated_no_trade': {
    zh: '近 12 个月没有带到期日的交易，无付款记录可评',
    en: 'no deal with a due date in the last 12 months, so no payment record to judge',
  },
  'credit.unrated_nothing_due': {
    zh: '近 12 个月的交易都未到期、也未付款，尚无付款记录可评',
    en: 'the deals of the last 12 months are neither due nor paid yet, so no payment record to judge',
  },
  'credit.limit_terms': {
    zh: '建议信用额度 {limit}，付款条件：{terms}',
    en: 'suggested credit limit {limit}, payment terms: {terms}',
  },
  'credit.col_input': { zh: '指标', en: 'Input' },
  'credit.col_value': { zh: '数值', en: 'Value' },
  'credit.col_max': { zh: '满分', en: 'Max' },
  'credit.col_points': { zh: '得分', en: 'Points' },
  'credit.input_on_time': { zh: '按期付款占比', en: 'paid on time' },
  'credit.input_days_late': { zh: '逾期付款平均天数', en: 'average days late' },
  'credit.input_overdue': { zh: '当前逾期金额', en: 'overdue now' },
  'credit.input_volume': { zh: '近 12 个月交易额', en: 'volume, last 12 months' },
  'credit.total': { zh: '合计', en: 'Total' },
  'credit.value_days': { zh: '{days} 天', en: '{days} days' },
  'credit.value_overdue': { zh: '{amount}（占交易额 {share}%）', en: '{amount} ({share}% of volume)' },
  'credit.value_volume': { zh: '{amount}（月均 {monthly}）', en: '{amount} ({monthly} a month)' },
  'credit.all_done': {
    zh: '已重新评定 {n} 个客户（{as_of}），各评级人数：',
    en: 'rated {n} {n|customer|customers} as of {as_of}; customers per rating:',
  },
  'credit.col_rating': { zh: '评级', en: 'Rating' },
  'credit.col_count': { zh: '客户数', en: 'Customers' },
  'credit.unrated': { zh: '未评级', en: 'unrated' },
} satisfies Catalogue;
