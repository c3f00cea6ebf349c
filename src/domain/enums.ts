// The enumerated values of the card and of staff, with the policy's Chinese terms. Input accepts
// the code, the Chinese term or a listed alias, so a clerk may type 潜在客户 or potential alike.
import { toHalfWidth } from './text.js';

export interface EnumOption {
  value: string;
  zh: string;
  en: string;
  aliases?: string[];
}

function options<const T extends readonly EnumOption[]>(list: T): T {
  return list;
}

export const STATUSES = options([
  { value: 'potential', zh: '潜在客户', en: 'potential', aliases: ['潜在'] },
  { value: 'followed', zh: '已跟进未合作', en: 'followed up', aliases: ['已跟进', '跟进'] },
  { value: 'cooperating', zh: '已合作', en: 'cooperating (signed)', aliases: ['签约', '已签约', '合作', 'signed'] },
  { value: 'churned', zh: '流失客户', en: 'churned', aliases: ['流失'] },
] as const);

export const GRADES = options([
  { value: 'A', zh: 'A类客户', en: 'A' },
  { value: 'B', zh: 'B类客户', en: 'B' },
  { value: 'C', zh: 'C类客户', en: 'C' },
] as const);

/** 收集渠道, POLICY §3. */
export const SOURCES = options([
  { value: 'visit', zh: '实地拜访', en: 'field visit', aliases: ['拜访'] },
  { value: 'survey', zh: '专项调查', en: 'survey', aliases: ['调查'] },
  { value: 'media', zh: '各类媒体', en: 'media / directories', aliases: ['媒体', '黄页', '网站', 'directory'] },
  { value: 'trade-show', zh: '展会/名片', en: 'trade show / business card', aliases: ['展会', '名片', 'tradeshow'] },
  { value: 'salon', zh: '企业沙龙', en: 'business salon', aliases: ['沙龙'] },
  { value: 'conference', zh: '行业会议', en: 'industry conference', aliases: ['会议'] },
  { value: 'referral', zh: '已合作客户介绍', en: 'referral by a customer', aliases: ['介绍', '客户介绍', '转介绍'] },
  { value: 'other', zh: '其他', en: 'other', aliases: ['其它'] },
] as const);

/** Kinds of party kept as a file (POLICY §1): customers, and suppliers, distributors and special
 * parties (lawyers, banks, insurers, advisers …). */
export const KINDS = options([
  { value: 'customer', zh: '客户', en: 'customer' },
  { value: 'supplier', zh: '供应商', en: 'supplier', aliases: ['供货商'] },
  { value: 'distributor', zh: '经销商', en: 'distributor', aliases: ['代理商', '分销商', 'dealer'] },
  { value: 'special', zh: '特殊关系单位', en: 'special party', aliases: ['特殊', '律师', '律所', '银行', '保险', '顾问', 'lawyer', 'bank', 'insurer', 'adviser'] },
] as const);

/** How a file is confirmed (整理, POLICY §3). */
export const VERIFY_METHODS = options([
  { value: 'phone', zh: '电话', en: 'phone', aliases: ['电话确认'] },
  { value: 'fax', zh: '传真', en: 'fax' },
  { value: 'email', zh: '电子邮件', en: 'e-mail', aliases: ['邮件', '邮箱'] },
  { value: 'visit', zh: '拜访', en: 'visit', aliases: ['实地拜访', '走访'] },
] as const);

/** 企业性质. */
export const OWNERSHIP_TYPES = options([
  { value: 'state-owned', zh: '国有企业', en: 'state-owned', aliases: ['国企', '国有'] },
  { value: 'collective', zh: '集体企业', en: 'collective', aliases: ['集体'] },
  { value: 'private', zh: '私营企业', en: 'private', aliases: ['民营', '民营企业', '私营'] },
  { value: 'joint-stock', zh: '股份制企业', en: 'joint-stock', aliases: ['股份制', '股份公司'] },
  { value: 'foreign', zh: '外资企业', en: 'foreign-owned', aliases: ['外资', '外商独资'] },
  { value: 'joint-venture', zh: '合资企业', en: 'joint venture', aliases: ['合资', '中外合资'] },
  { value: 'individual', zh: '个体工商户', en: 'sole proprietor', aliases: ['个体'] },
  { value: 'institution', zh: '事业单位', en: 'public institution', aliases: ['机关', '政府'] },
  { value: 'other', zh: '其他', en: 'other', aliases: ['其它'] },
] as const);

/** Staff roles, POLICY §6 and the CLI contract. */
export const ROLES = options([
  { value: 'rep', zh: '业务人员', en: 'sales rep' },
  { value: 'service', zh: '客户服务人员', en: 'customer service' },
  { value: 'region-manager', zh: '区域经理', en: 'regional manager' },
  { value: 'manager', zh: '部门经理', en: 'department manager' },
  { value: 'director', zh: '营销总监', en: 'marketing director' },
  { value: 'gm', zh: '总经理', en: 'general manager' },
  { value: 'clerk', zh: '信息/资料管理员', en: 'records clerk' },
  { value: 'admin', zh: '系统管理员', en: 'administrator' },
  { value: 'other', zh: '其他岗位', en: 'other' },
] as const);

export type Status = (typeof STATUSES)[number]['value'];
export type Grade = (typeof GRADES)[number]['value'];
export type Source = (typeof SOURCES)[number]['value'];
export type Role = (typeof ROLES)[number]['value'];
export type Kind = (typeof KINDS)[number]['value'];
export type VerifyMethod = (typeof VERIFY_METHODS)[number]['value'];

function key(s: string): string {
  return toHalfWidth(s).trim().toLowerCase().replace(/[\s_]/g, '-');
}

/** The option a user's word stands for, or null. */
export function matchOption(list: readonly EnumOption[], input: string): EnumOption | null {
  const k = key(input);
  return (
    list.find((o) => key(o.value) === k || key(o.zh) === k || key(o.en) === k || o.aliases?.some((a) => key(a) === k)) ??
    null
  );
}

export function optionLabel(list: readonly EnumOption[], value: string | null, lang: 'zh' | 'en'): string {
  if (value === null) return '';
  const o = list.find((x) => x.value === value);
  return o ? (lang === 'zh' ? o.zh : o.en) : value;
}
