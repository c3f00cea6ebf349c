// Messages of the agenda and acknowledgement commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const agendaMessages = {
  'agenda.bad_days': { zh: '--days "{value}" 无效：请给出 0 到 366 的整数。', en: '--days "{value}" is not valid: give a whole number from 0 to 366.' },
  'agenda.empty': { zh: '到 {until} 为止没有待办事项。', en: 'Nothing on the agenda up to {until}.' },
  'agenda.col_kind': { zh: '事项', en: 'What' },
  'agenda.col_date': { zh: '日期', en: 'Date' },
  'agenda.col_customer': { zh: '客户', en: 'Customer' },
  'agenda.col_detail': { zh: '内容', en: 'Detail' },
  'agenda.kind_follow_up': { zh: '拜访跟进', en: 'follow-up' },
  'agenda.kind_visits_due': { zh: '本月拜访不足', en: 'visits due' },
  'agenda.kind_complaint': { zh: '未结投诉', en: 'open complaint' },
  'agenda.kind_birthday': { zh: '决策人生日', en: 'birthday' },
  'agenda.kind_staff_contacts': { zh: '联系人员不足两人', en: 'one staff contact' },
  'agenda.kind_escalation': { zh: '关系异常上报', en: 'escalation' },
  'agenda.escalation_detail': { zh: '{record} {id}：{text}', en: '{record} {id}: {text}' },
  'agenda.ref_visit': { zh: '拜访', en: 'visit' },
  'agenda.ref_note': { zh: '记录', en: 'note' },
  'ack.bad_kind': { zh: '"{kind}"无效：请写 ack visit 编号 或 ack note 编号。', en: '"{kind}" is not visit or note: crm ack visit ID or crm ack note ID.' },
  'ack.bad_id': { zh: '"{id}"不是编号。', en: '"{id}" is not an id.' },
  'ack.denied': { zh: '只有区域经理、经理、营销总监或总经理确认关系异常上报。', en: 'only a regional manager, manager, director or the GM acknowledges escalations.' },
  'ack.not_found': { zh: '没有 {kind} {id}。', en: 'there is no {kind} {id}.' },
  'ack.nothing': { zh: '{kind} {id} 没有待确认的关系异常上报。', en: '{kind} {id} has no unacknowledged escalation.' },
  'ack.done': { zh: '已确认 {kind} {id} 的关系异常上报。', en: 'Acknowledged the escalation on {kind} {id}.' },
} satisfies Catalogue;
