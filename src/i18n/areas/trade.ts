// Messages of the trade commands (see messages.ts): status, deal add|list, payment add and
// import --kind deals.
import type { Catalogue } from '../messages.js';

export const tradeMessages = {
  'trade.bad_status': {
    zh: '"{value}"不是客户状态：可选 potential 潜在客户、followed 已跟进未合作、cooperating 已合作、churned 流失客户。',
    en: '"{value}" is not a status: use potential, followed, cooperating or churned (or 潜在客户, 已跟进未合作, 已合作, 流失客户).',
  },
  'trade.churn_needs_reason': {
    zh: '标记为流失客户须写明流失原因（POLICY §4）：请加 --reason，如 --reason "价格原因转向竞争对手"。',
    en: 'churning needs a reason, which the policy keeps (流失原因, POLICY §4): add --reason, e.g. --reason "moved to a cheaper competitor".',
  },
  'trade.reason_not_churn': {
    zh: '--reason 只用于流失客户（记为流失原因），设为{status}时无处保存：请去掉 --reason。',
    en: '--reason is kept only when churning (as the churn reason), so there is nowhere to keep it for {status}: leave --reason out.',
  },
  'trade.status_changed': { zh: '{id}：{from} → {to}（见 crm history {id}）。', en: '{id}: {from} → {to} (see crm history {id}).' },
  'trade.status_unchanged': { zh: '{id} 已是{status}，没有变化。', en: '{id} is already {status}: nothing changed.' },

  'trade.missing': {
    zh: '缺少 {field}：每笔交易都须有日期和金额，如 {field} {example}。',
    en: '{field} is missing: every deal needs its date and amount; give e.g. {field} {example}.',
  },
  'trade.bad_date': {
    zh: '{field}"{value}"不是有效日期：请写成 YYYY-MM-DD（如 2026-11-20），且须是真实存在的日期。',
    en: '{field} "{value}" is not a real date: write YYYY-MM-DD, e.g. 2026-11-20.',
  },
  'trade.bad_amount': {
    zh: '{field}"{value}"不是有效金额：可写 5000000、5,000,000 或 500万（单位：元，不能为负）。',
    en: '{field} "{value}" is not an amount: write 5000000, 5,000,000 or 500万 (CNY, not negative).',
  },
  'trade.bad_profit': {
    zh: '{field}"{value}"不是有效金额：可写 30000、3万，亏损写负数如 -3000（单位：元）。',
    en: '{field} "{value}" is not an amount: write 30000 or 3万, a loss as -3000 (CNY).',
  },
  'trade.future_date': {
    zh: '{field} {value} 在今天（{today}）之后：只能登记已发生的交易，请检查年份和日期。',
    en: '{field} {value} is after today ({today}): only deals that have taken place are recorded; check the year and the date.',
  },
  'trade.profit_exceeds': {
    zh: '{field}"{value}"大于交易金额 {amount_field}"{amount}"：毛利是交易额的一部分，不会超过交易额，请核对两个数（亏损写负数）。',
    en: '{field} "{value}" is more than the deal\'s {amount_field} "{amount}": gross profit is part of the amount, never more; check both figures (a loss is negative).',
  },
  'trade.due_before_date': {
    zh: '{field} {due} 早于交易日期 {date}：应收款不会在交易之前到期，请检查日期。',
    en: '{field} {due} is before the deal date {date}: money cannot fall due before the deal; check the dates.',
  },
  'trade.competitor_due': {
    zh: '与竞争对手的交易没有应收款，不能有 {field}：请去掉 {field}，或去掉竞争对手以登记我司交易。',
    en: "a dealing with a competitor is not owed to us, so it has no {field}: leave {field} out, or leave out the competitor to record our own deal.",
  },
  'trade.blank_competitor': {
    zh: '--competitor 为空：请写明竞争对手名称；登记我司交易时不要加 --competitor。',
    en: '--competitor is empty: name the competitor, or leave the flag out to record our own deal.',
  },
  'trade.now_cooperating': {
    zh: '{id} 已与我司成交，转为已合作客户（见 crm history {id}）。',
    en: '{id} now deals with us and has become a cooperating customer (see crm history {id}).',
  },

  'trade.bad_deal_id': { zh: '"{id}"不是交易编号：请用 crm deal list 查看编号。', en: '"{id}" is not a deal id: see the ID column of crm deal list.' },
  'trade.deal_not_found': { zh: '没有编号为 {id} 的交易：请用 crm deal list 查看。', en: 'there is no deal {id}: see crm deal list.' },
  'trade.bad_payment_amount': {
    zh: '{field}"{value}"不是大于零的金额：可写 5000、5,000 或 0.5万（单位：元）。',
    en: '{field} "{value}" is not an amount above zero: write 5000, 5,000 or 0.5万 (CNY).',
  },
  'trade.payment_competitor': {
    zh: '交易 {id} 是客户与竞争对手的交易，不欠我司款项：收款只能登记在我司交易上。',
    en: 'deal {id} is a dealing with a competitor, which owes us nothing: record payments against our own deals.',
  },
  'trade.payment_exceeds': {
    zh: '收款 {amount} 超过交易 {id} 的未收余额 {outstanding}：请核对金额，多出部分请登记到其他交易。',
    en: 'the payment of {amount} is more than the {outstanding} outstanding on deal {id}: check the amount, and record any rest against another deal.',
  },

  'trade.no_deals': { zh: '没有交易记录。', en: 'No deals.' },
  'trade.col_id': { zh: '编号', en: 'ID' },
  'trade.col_customer': { zh: '客户编号', en: 'Customer' },
  'trade.col_name': { zh: '企业名称', en: 'Company' },
  'trade.col_date': { zh: '日期', en: 'Date' },
  'trade.col_amount': { zh: '金额', en: 'Amount' },
  'trade.col_profit': { zh: '毛利', en: 'Profit' },
  'trade.col_line': { zh: '业务板块', en: 'Line' },
  'trade.col_competitor': { zh: '竞争对手', en: 'Competitor' },
  'trade.col_due': { zh: '到期日', en: 'Due' },
  'trade.col_paid': { zh: '已收', en: 'Paid' },
  'trade.col_outstanding': { zh: '未收', en: 'Outstanding' },

  'trade.import_card_flag': {
    zh: '{flag} 只用于导入名片：交易记在客户名下，归其负责人，请去掉 {flag}。',
    en: "{flag} is for importing cards: a deal goes to its customer and that customer's owner, so leave {flag} out.",
  },
  'trade.import_no_columns': {
    zh: '表头中找不到{missing}列（表头：{header}）：交易文件须有 客户编号 或 客户名称、日期、金额 三类列。',
    en: 'no {missing} column among the headers ({header}): a file of deals needs customer_id or company, date and amount columns.',
  },
  'trade.import_no_customer': {
    zh: '客户编号和客户名称都为空：每行须有其一，才能知道是哪个客户的交易。',
    en: 'neither a customer id nor a company: each row needs one to say whose deal it is.',
  },
  'trade.import_bad_customer_id': { zh: '客户编号"{value}"无效：客户编号形如 C000123。', en: 'customer id "{value}" is not valid: ids look like C000123.' },
  'trade.import_unknown_customer': {
    zh: '没有客户"{value}"：请先建档（crm add 或导入名片），或填写客户编号。',
    en: 'there is no customer "{value}": enter the customer first (crm add, or import its card), or give its customer id.',
  },
  'trade.import_ambiguous': {
    zh: '"{value}"对应多个客户（{ids}）：请在客户编号列写明是哪一个。',
    en: '"{value}" matches several customers ({ids}): say which one in a customer_id column.',
  },
  'trade.import_out_of_scope': {
    zh: '客户 {id} 不在您的负责范围内，不能为其登记交易：请交给其负责人或资料管理员导入。',
    en: 'customer {id} is outside what you may change, so its deals are not yours to record: leave this row to its owner or the records clerk.',
  },
  'trade.import_paid_competitor': {
    zh: '与竞争对手的交易不欠我司款项，不能有 {field}：请清空该格。',
    en: 'a dealing with a competitor owes us nothing, so it has no {field}: empty that cell.',
  },
  'trade.import_paid_exceeds': {
    zh: '{field} {paid} 超过交易金额 {amount}：请核对。',
    en: '{field} {paid} is more than the deal amount {amount}: check the figures.',
  },
  'trade.import_empty': { zh: '文件是空的（或只有空白），没有可导入的交易。', en: 'the file is empty (or only blank): there are no deals to import.' },
  'trade.import_header_only': { zh: '文件只有表头，没有交易数据。', en: 'the file has a header row but no deals.' },
  'trade.import_unmapped': { zh: '未使用的列：{columns}', en: 'columns not used: {columns}' },
  'trade.import_summary': {
    zh: '读取 {rows_read} 行：新建交易 {deals_created} 笔，收款 {payments_created} 笔，已有相同交易跳过 {skipped}，拒绝 {rejected}。',
    en: 'Read {rows_read} rows: {deals_created} deals and {payments_created} payments recorded, {skipped} skipped as already on file, {rejected} rejected.',
  },
  'trade.import_summary_dry': {
    zh: '试运行（未保存任何内容）：读取 {rows_read} 行：将新建交易 {deals_created} 笔，收款 {payments_created} 笔，已有相同交易跳过 {skipped}，拒绝 {rejected}。',
    en: 'Dry run (nothing saved): read {rows_read} rows: would record {deals_created} deals and {payments_created} payments, skip {skipped} already on file, reject {rejected}.',
  },
} satisfies Catalogue;
