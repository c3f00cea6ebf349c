// Messages of the handover commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const handoverMessages = {
  'handover.denied': {
    zh: '只有经理、总监、总经理或管理员可以办理员工调离移交（POLICY §8）：请联系您的经理。',
    en: "only a manager, director, general manager or admin may hand over an employee's customers (POLICY §8): ask your manager.",
  },
  'handover.from_unknown': {
    zh: '没有员工 {login}，无从移交：请用 crm staff list --all 核对登录名。',
    en: 'there is no staff member {login} to hand over: check the login with crm staff list --all.',
  },
  'handover.from_inactive': {
    zh: '员工 {login} 已停用，其客户在停用前已移交：请用 crm staff list --all 核对登录名。',
    en: 'staff member {login} is already deactivated, so their customers were handed over before: check the login with crm staff list --all.',
  },
  'handover.no_receiver': {
    zh: '缺少接收人：请用 --to 指定接收 {from} 客户的员工登录名，如 --to lina,zhangwei。',
    en: "no receiver given: name who takes over {from}'s customers with --to, e.g. --to lina,zhangwei.",
  },
  'handover.to_unknown': {
    zh: '接收人 {login} 不是已登记的员工：请用 crm staff list 查看登录名。',
    en: 'receiver {login} is not a registered staff member: see crm staff list for logins.',
  },
  'handover.to_inactive': {
    zh: '接收人 {login} 已停用，不能接收客户：请指定在职员工。',
    en: 'receiver {login} is deactivated and cannot take over customers: choose an active staff member.',
  },
  'handover.to_from': {
    zh: '接收人 {login} 正是调离的员工：客户须移交给其他员工。',
    en: 'receiver {login} is the employee who is leaving: the customers must go to someone else.',
  },
  'handover.to_no_role': {
    zh: '接收人 {login} 的岗位（other）看不到任何客户，不能负责客户：请指定业务或客服人员。',
    en: 'receiver {login} has the role other, which sees no customers, so cannot own them: choose a sales or service employee.',
  },
  'handover.not_conserved': {
    zh: '移交前后客户数不符（之前 {before} 个，之后 {after} 个，{from} 仍有 {left} 个），已撤销，未做任何修改：请把此信息报告管理员。',
    en: 'the handover did not add up ({before} customers before, {after} after, {left} still with {from}), so nothing was changed: report this to your administrator.',
  },
  'handover.summary': {
    zh: '已将 {from} 的 {moved} 个客户（{to}）及 {links} 处客户联系人身份移交，{from} 已停用。',
    en: "Handed over {from}'s {moved} customers ({to}) and {links} staff-contact links; {from} is deactivated.",
  },
  'handover.summary_dry': {
    zh: '试运行（未保存任何内容）：将把 {from} 的 {moved} 个客户（{to}）及 {links} 处客户联系人身份移交，并停用 {from}。',
    en: "Dry run (nothing saved): would hand over {from}'s {moved} customers ({to}) and {links} staff-contact links, and deactivate {from}.",
  },
  'handover.notify_dry': {
    zh: '试运行未写入 {path}：正式移交时才生成客户通知名单，以免通知尚未移交的客户。',
    en: 'dry run: {path} was not written; the notification list is written by the real handover, so no customer is told too early.',
  },
  'handover.col_id': { zh: '客户编号', en: 'Customer ID' },
  'handover.col_name': { zh: '企业名称', en: 'Company' },
  'handover.col_contact': { zh: '联系人', en: 'Contact' },
  'handover.col_phone': { zh: '联系电话', en: 'Phone' },
  'handover.col_owner': { zh: '新负责人', en: 'New owner' },
  'handover.col_owner_name': { zh: '新负责人姓名', en: 'New owner name' },
} satisfies Catalogue;
