// Messages of the notes commands (see messages.ts): note, complaint, survey, timeline.
import type { Catalogue } from '../messages.js';

export const notesMessages = {
  'note.missing_kind': {
    zh: '缺少 --kind：请注明类别，可选 call letter fax email meeting change complaint feedback（或 电话 信函 传真 邮件 会面 变更 投诉 反馈）。',
    en: '--kind is missing: say what it is: call, letter, fax, email, meeting, change, complaint or feedback.',
  },
  'note.bad_kind': {
    zh: '--kind"{value}"不是可选类别：可选 call letter fax email meeting change complaint feedback（或 电话 信函 传真 邮件 会面 变更 投诉 反馈）。',
    en: '--kind "{value}" is not a kind of note: use call, letter, fax, email, meeting, change, complaint or feedback.',
  },
  'note.missing_text': {
    zh: '缺少 {field}：请写明内容，如 {field} "客户来电询价"。',
    en: '{field} is missing: give the content, e.g. {field} "asked for a quote".',
  },
  'note.bad_date': {
    zh: '{field}"{value}"不是有效日期：请写成 YYYY-MM-DD（如 2026-11-20），且须是真实存在的日期。',
    en: '{field} "{value}" is not a real date: write YYYY-MM-DD, e.g. 2026-11-20.',
  },
  'note.future_date': {
    zh: '{field} {value} 在今天（{today}）之后：只能记录已经发生的事。',
    en: '{field} {value} is after today ({today}): only what has happened can be recorded.',
  },
  'note.bad_contact': {
    zh: '--contact"{value}"不是客户 {customer} 的联系人：请用 crm show {customer} 查看联系人编号。',
    en: '--contact "{value}" is not a contact of {customer}: see the contact ids with crm show {customer}.',
  },
  'note.recorded': {
    zh: '已记录往来 #{id}（{kind}），客户 {customer}。',
    en: 'Recorded note #{id} ({kind}) for {customer}.',
  },
  'note.recorded_complaint': {
    zh: '已登记投诉 #{id}，客户 {customer}，状态：待处理。处理后请用 crm complaint handle {id} --resolution …',
    en: 'Recorded complaint #{id} for {customer}, open. Once handled: crm complaint handle {id} --resolution …',
  },
  'note.abnormal_flagged': {
    zh: '已标记为关系异常，将提交经理。',
    en: 'Flagged as an abnormal relationship for the manager.',
  },
  'complaint.bad_id': {
    zh: '"{value}"不是投诉编号：请写记录编号，如 12（见 crm complaint list）。',
    en: '"{value}" is not a complaint number: give the note number, e.g. 12 (see crm complaint list).',
  },
  'complaint.not_found': {
    zh: '没有编号为 #{id} 的记录：请用 crm complaint list 查看投诉编号。',
    en: 'There is no note #{id}: see the complaint numbers with crm complaint list.',
  },
  'complaint.not_complaint': {
    zh: '记录 #{id} 不是投诉：只有类别为 complaint（投诉）的记录有处理流程。',
    en: 'Note #{id} is not a complaint: only notes of kind complaint are handled and closed.',
  },
  'complaint.already_handled': {
    zh: '投诉 #{id} 已于 {date} 处理：如需结案，请用 crm complaint close {id}。',
    en: 'Complaint #{id} was already handled on {date}: to close it, run crm complaint close {id}.',
  },
  'complaint.already_closed': {
    zh: '投诉 #{id} 已于 {date} 结案：无需再处理。',
    en: 'Complaint #{id} was already closed on {date}: nothing more to do.',
  },
  'complaint.not_handled': {
    zh: '投诉 #{id} 尚未处理：请先用 crm complaint handle {id} --resolution … 登记处理结果，再结案。',
    en: 'Complaint #{id} has not been handled yet: record the resolution first with crm complaint handle {id} --resolution …, then close it.',
  },
  'complaint.before_previous': {
    zh: '日期 {date} 早于上一步（{previous}）：请检查 --date。',
    en: 'The date {date} is before the previous step ({previous}): check --date.',
  },
  'complaint.no_resolution': {
    zh: '缺少 --resolution：请写明如何处理，如 --resolution "已换货"。',
    en: '--resolution is missing: say how it was resolved, e.g. --resolution "replaced the goods".',
  },
  'complaint.handled': {
    zh: '投诉 #{id}（客户 {customer}）已处理，处理人 {handler}，日期 {date}。',
    en: 'Complaint #{id} ({customer}) handled by {handler} on {date}.',
  },
  'complaint.closed': {
    zh: '投诉 #{id}（客户 {customer}）已于 {date} 结案。',
    en: 'Complaint #{id} ({customer}) closed on {date}.',
  },
  'complaint.none': { zh: '没有投诉。', en: 'No complaints.' },
  'complaint.status_open': { zh: '待处理', en: 'open' },
  'complaint.status_handled': { zh: '已处理', en: 'handled' },
  'complaint.status_closed': { zh: '已结案', en: 'closed' },
  'complaint.col_id': { zh: '编号', en: 'No.' },
  'complaint.col_customer': { zh: '客户', en: 'Customer' },
  'complaint.col_date': { zh: '日期', en: 'Date' },
  'complaint.col_status': { zh: '状态', en: 'Status' },
  'complaint.col_text': { zh: '内容', en: 'Complaint' },
  'complaint.col_handler': { zh: '处理人', en: 'Handler' },
  'complaint.col_resolution': { zh: '处理结果', en: 'Resolution' },
  'survey.missing_score': {
    zh: '缺少满意度分数：请用 --score 给出 1 到 5 的整数（5 为非常满意），如 --score 4。',
    en: 'the satisfaction score is missing: give it with --score as a whole number from 1 to 5 (5 is very satisfied), e.g. --score 4.',
  },
  'survey.bad_score': {
    zh: '--score"{value}"无效：满意度为 1 到 5 的整数（5 为非常满意）。',
    en: '--score "{value}" is not valid: give a whole number from 1 to 5 (5 is very satisfied).',
  },
  'survey.recorded': {
    zh: '已登记满意度调查 #{id}：客户 {customer}，{score} 分。',
    en: 'Recorded survey #{id} for {customer}: score {score}.',
  },
  'timeline.empty': { zh: '这个客户还没有任何记录。', en: 'Nothing recorded for this customer yet.' },
  'timeline.kind_visit': { zh: '拜访', en: 'visit' },
  'timeline.kind_call': { zh: '电话', en: 'call' },
  'timeline.kind_letter': { zh: '信函', en: 'letter' },
  'timeline.kind_fax': { zh: '传真', en: 'fax' },
  'timeline.kind_email': { zh: '邮件', en: 'email' },
  'timeline.kind_meeting': { zh: '会面', en: 'meeting' },
  'timeline.kind_change': { zh: '客户变化', en: 'change' },
  'timeline.kind_complaint': { zh: '投诉', en: 'complaint' },
  'timeline.kind_feedback': { zh: '反馈', en: 'feedback' },
  'timeline.kind_survey': { zh: '满意度', en: 'survey' },
  'timeline.kind_deal': { zh: '交易', en: 'deal' },
  'timeline.kind_competitor-deal': { zh: '竞争对手交易', en: 'competitor deal' },
  'timeline.kind_evaluation': { zh: '评估', en: 'evaluation' },
  'timeline.kind_status': { zh: '状态', en: 'status' },
  'timeline.kind_grade': { zh: '等级', en: 'grade' },
  'timeline.kind_field': { zh: '资料变更', en: 'field' },
  'timeline.kind_created': { zh: '建档', en: 'created' },
  'timeline.planned': { zh: '（计划）', en: '(planned)' },
  'timeline.abnormal': { zh: '[关系异常]', en: '[abnormal]' },
  'timeline.created': { zh: '建立客户档案', en: 'customer file created' },
  'timeline.evaluation': { zh: '评为 {grade} 级（得分 {total}）', en: 'graded {grade} (score {total})' },
  'timeline.survey': { zh: '满意度 {score}/5', en: 'satisfaction {score}/5' },
  'timeline.resolution': { zh: '处理：{text}', en: 'resolution: {text}' },
  'timeline.col_date': { zh: '日期', en: 'Date' },
  'timeline.col_kind': { zh: '类别', en: 'Kind' },
  'timeline.col_summary': { zh: '摘要', en: 'Summary' },
} satisfies Catalogue;
