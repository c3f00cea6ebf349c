// Messages of the classify commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const classifyMessages = {
  // crm policy set: what is wrong with a value (policy.bad_value says which setting).
  'policy.detail_not_pair': { zh: '"{part}"不是 名称=数字 的写法', en: '"{part}" is not name=number' },
  'policy.detail_twice': { zh: '{name} 写了两次', en: '{name} is given twice' },
  'policy.detail_unknown': { zh: '没有 {names} 这一项（可用：{known}）', en: 'unknown {names} (known: {known})' },
  'policy.detail_missing': { zh: '缺少 {names}（须逐一给出 {known}）', en: 'missing {names} (give each of {known})' },
  'policy.detail_days': { zh: '天数须为 1 到 3650 的整数', en: 'a whole number of days from 1 to 3650' },
  'policy.detail_weights_whole': { zh: '权重须为不小于 0 的整数', en: 'weights are whole numbers from 0' },
  'policy.detail_weights_sum': { zh: '权重之和须为 100，现为 {sum}', en: 'weights must sum to 100, these sum to {sum}' },
  'policy.detail_grades_order': { zh: '阈值须满足 0 < b < a < 100', en: 'thresholds must satisfy 0 < b < a < 100' },
  'policy.detail_tiers_order': { zh: '须满足 vip > gold > silver > bronze > 0', en: 'tiers must satisfy vip > gold > silver > bronze > 0' },
  'policy.detail_visits_unknown': { zh: '没有 {name} 这一状态.等级（例如 cooperating.A）', en: 'unknown status.grade {name} (e.g. cooperating.A)' },
  'policy.detail_visits_range': { zh: '{name}：每月拜访次数须为 0 到 31', en: '{name}: visits a month are 0 to 31' },
  // Flags
  'classify.needs_target': {
    zh: '缺少要评估的客户或要复评的季度：评估一个客户用 crm classify C000123 --score …，季度复评用 crm classify --review 2026Q4。',
    en: 'nothing to classify: evaluate a customer with crm classify C000123 --score …, or review a quarter with crm classify --review 2026Q4.',
  },
  'classify.review_alone': {
    zh: '--review 复评该季度所有到期客户，不接受客户编号、--score 或 --date：单独运行 crm classify --review 2026Q4，或用 crm classify ID --score … 评估单个客户。',
    en: '--review covers every customer due that quarter, so it takes no customer id, --score or --date: run crm classify --review 2026Q4 alone, or crm classify ID --score … for one customer.',
  },
  'classify.needs_review': {
    zh: '{flag} 只用于季度复评：请加上 --review 季度（如 --review 2026Q4）。',
    en: '{flag} belongs to a quarterly review: add --review QUARTER, e.g. --review 2026Q4.',
  },
  'classify.apply_by_score': {
    zh: '--apply 需要 --by trade：按评分复评只列出到期客户，没有可应用的建议；请用 crm classify ID --score … 逐个评估。',
    en: '--apply needs --by trade: a review by score only lists the customers due and proposes nothing; evaluate each with crm classify ID --score ….',
  },
  'classify.bad_quarter': {
    zh: '"{value}"不是季度：请写年份和季度，如 2026Q4 或 2026-Q4。',
    en: '"{value}" is not a quarter: write the year and the quarter, e.g. 2026Q4 or 2026-Q4.',
  },
  'classify.bad_date': {
    zh: '评估日期（--date）"{value}"不是有效日期：请写成 YYYY-MM-DD（如 2026-11-23），且须是真实存在的日期。',
    en: 'the evaluation date (--date) "{value}" is not a real date: write YYYY-MM-DD, e.g. 2026-11-23.',
  },
  'classify.needs_score': {
    zh: '没有给出评分，且没有终端可以询问：请用 --score size=… credit=… volume=… influence=… 给出各项得分。',
    en: 'no scores given and no terminal to ask for them: pass --score size=… credit=… volume=… influence=….',
  },

  // Scores
  'classify.bad_pair': {
    zh: '"{pair}"不是"评估项=得分"：请写成 size=90 这样（评估项：{criteria}）。',
    en: '"{pair}" is not criterion=score: write it like size=90 (criteria: {criteria}).',
  },
  'classify.unknown_criterion': {
    zh: '客户评估表上没有评估项"{name}"：评估项为 {criteria}。',
    en: 'the evaluation form has no criterion "{name}": the criteria are {criteria}.',
  },
  'classify.twice': {
    zh: '{criterion}给了两次得分：每个评估项只给一次。',
    en: '{criterion} is scored twice: give each criterion once.',
  },
  'classify.bad_score': {
    zh: '{criterion}的得分"{value}"无效：得分为 0 到 100 的数，最多两位小数（如 85 或 59.9）。',
    en: 'the {criterion} score "{value}" is not valid: scores are numbers from 0 to 100 with at most two decimals, e.g. 85 or 59.9.',
  },
  'classify.missing': {
    zh: '缺少 {missing} 的得分：客户评估表的每一项都须评分（{criteria}）。',
    en: 'no score for {missing}: every criterion of the evaluation form is scored ({criteria}).',
  },

  // The evaluation
  'classify.done': { zh: '{id}：{from} → {to}（总分 {total}）', en: '{id}: {from} → {to} (total {total})' },
  'classify.unchanged': { zh: '{id}：仍为 {grade}（总分 {total}）', en: '{id}: stays {grade} (total {total})' },
  'classify.form_title': {
    zh: '客户评估表 — {id} {name}（当前等级 {grade}）。每项得分 0-100。',
    en: 'Evaluation form (客户评估表) — {id} {name} (grade now {grade}). Score each criterion 0-100.',
  },
  'classify.ask_score': { zh: '{criterion}（{weight}%）— {standard}', en: '{criterion} ({weight}%) — {standard}' },
  'classify.running': { zh: '  累计 {total}（已评 {n}/{count} 项）', en: '  running total {total} ({n} of {count} criteria)' },
  'classify.ask_note': { zh: '备注（可不填）', en: 'Note (optional)' },
  'classify.result': { zh: '总分 {total}：{grade} 类', en: 'Total {total}: grade {grade}' },
  'classify.confirm': { zh: '保存此评估并将 {id} 定为 {to} 类（原为 {from}）?', en: 'Save this evaluation and grade {id} {to} (was {from})?' },
  'classify.col_criterion': { zh: '评估项', en: 'Criterion' },
  'classify.col_weight': { zh: '权重', en: 'Weight' },
  'classify.col_score': { zh: '得分', en: 'Score' },
  'classify.col_points': { zh: '加权得分', en: 'Points' },

  // The quarterly review
  'classify.col_id': { zh: '客户编号', en: 'Customer ID' },
  'classify.col_name': { zh: '企业名称', en: 'Company' },
  'classify.col_grade': { zh: '当前等级', en: 'Grade' },
  'classify.col_last_evaluated': { zh: '上次评估', en: 'Last evaluated' },
  'classify.col_value': { zh: '近四季度交易额', en: 'Trade, 4 quarters' },
  'classify.col_share': { zh: '贡献率', en: 'Share' },
  'classify.col_proposed': { zh: '建议等级', en: 'Proposed' },
  'classify.col_change': { zh: '变化', en: 'Change' },
  'classify.change_up': { zh: '↑ 升级', en: '↑ up' },
  'classify.change_down': { zh: '↓ 降级', en: '↓ down' },
  'classify.change_same': { zh: '不变', en: 'same' },
  'classify.change_new': { zh: '新定级', en: 'new' },
  'classify.review_none': { zh: '{quarter}：没有到期需复评的客户。', en: '{quarter}: no customer is due for review.' },
  'classify.review_due': {
    zh: '{quarter}：本季度尚未评估的客户 {n} 个；请用 crm classify ID --score … 逐个评估，或用 --by trade 按交易额复评。',
    en: '{quarter}: customers not evaluated this quarter: {n}; evaluate each with crm classify ID --score …, or review them by trade with --by trade.',
  },
  'classify.review_proposed': {
    zh: '{quarter}：到期客户 {n} 个，建议升级 {up} 个、降级 {down} 个、不变 {same} 个、新定级 {new} 个。未做任何修改：加 --apply 应用。',
    en: '{quarter}: customers due: {n}; proposed up: {up}, down: {down}, unchanged: {same}, newly graded: {new}. Nothing was changed: add --apply to apply.',
  },
  'classify.review_applied': {
    zh: '{quarter}：已保存 {n} 份按交易额的评估，{changed} 个客户的等级已变更。',
    en: '{quarter}: evaluations by trade stored: {n}; grades changed: {changed}.',
  },
} satisfies Catalogue;
