// The customer data card (客户基本资料卡, POLICY §2): every field with its section, its policy
// term and its type. Interactive walks, flags, JSON, rendering and validation are all driven by
// this one catalogue. Kept free of the validators' libraries so that reading commands start fast.
import { GRADES, KINDS, matchOption, OWNERSHIP_TYPES, SOURCES, STATUSES, type EnumOption } from './enums.js';
import { ValidationError } from '../errors.js';

export type FieldType =
  | 'text' | 'uscc' | 'phone' | 'mobile' | 'email' | 'date' | 'birthday' | 'money' | 'count'
  | 'postal' | 'url' | 'enum' | 'staff' | 'customer' | 'bool';

export type SectionKey = 'basic' | 'registration' | 'characteristics' | 'classification' | 'contact';

export interface FieldDef {
  key: string;
  section: SectionKey;
  type: FieldType;
  zh: string;
  en: string;
  required?: boolean;
  options?: readonly EnumOption[];
}

export const SECTIONS: Record<SectionKey, { zh: string; en: string }> = {
  basic: { zh: '客户基本信息', en: 'Basic data' },
  registration: { zh: '注册资料', en: 'Registration data' },
  characteristics: { zh: '客户特征资料', en: 'Characteristics' },
  classification: { zh: '来源与分类', en: 'Source and classification' },
  contact: { zh: '联系人', en: 'Contacts' },
};

function f(key: string, section: SectionKey, type: FieldType, zh: string, en: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { key, section, type, zh, en, ...extra };
}

export const CUSTOMER_FIELDS: readonly FieldDef[] = [
  f('name', 'basic', 'text', '企业名称', 'Company name', { required: true }),
  f('address', 'basic', 'text', '地址', 'Address'),
  f('postal_code', 'basic', 'postal', '邮政编码', 'Postal code'),
  f('phone', 'basic', 'phone', '电话', 'Phone'),
  f('fax', 'basic', 'phone', '传真', 'Fax'),
  f('email', 'basic', 'email', '电子邮箱', 'E-mail'),
  f('website', 'basic', 'url', '网址', 'Website'),
  f('region', 'basic', 'text', '区域', 'Region'),
  f('industry', 'basic', 'text', '所属行业', 'Industry'),
  f('product_line', 'basic', 'text', '品项', 'Product line'),
  f('uscc', 'registration', 'uscc', '统一社会信用代码', 'Unified social credit code'),
  f('legal_rep', 'registration', 'text', '法人代表', 'Legal representative'),
  f('founded_on', 'registration', 'date', '成立时间', 'Founded on'),
  f('ownership_type', 'registration', 'enum', '企业性质', 'Ownership type', { options: OWNERSHIP_TYPES }),
  f('registered_capital', 'registration', 'money', '注册资本', 'Registered capital (CNY)'),
  f('business_scope', 'registration', 'text', '经营范围', 'Business scope'),
  f('bank_name', 'registration', 'text', '开户银行', 'Bank'),
  f('bank_account', 'registration', 'text', '银行账号', 'Bank account'),
  f('site_area', 'registration', 'text', '占地面积', 'Site area'),
  f('revenue', 'characteristics', 'money', '营业额', 'Yearly revenue (CNY)'),
  f('employees', 'characteristics', 'count', '员工人数', 'Employees'),
  f('purchasing_style', 'characteristics', 'text', '采购决策特征', 'Purchasing decision style'),
  f('needs', 'characteristics', 'text', '具体需求', 'Concrete needs'),
  f('business_trend', 'characteristics', 'text', '业务发展趋势', 'Business trend'),
  f('current_suppliers', 'characteristics', 'text', '目前的供应商情况', 'Current suppliers'),
  f('source', 'classification', 'enum', '收集渠道', 'Source', { options: SOURCES }),
  f('source_detail', 'classification', 'text', '来源说明（展会/媒体名称）', 'Source detail (event, directory)'),
  f('referred_by', 'classification', 'customer', '介绍客户', 'Referred by (customer id)'),
  f('kind', 'classification', 'enum', '往来单位类别', 'Kind (customer, supplier, distributor, special)', { options: KINDS }),
  f('parent', 'classification', 'customer', '上级公司（分支厂所属）', 'Parent company (customer id)'),
  f('status', 'classification', 'enum', '客户状态', 'Status', { options: STATUSES }),
  f('grade', 'classification', 'enum', '客户等级', 'Grade', { options: GRADES }),
  f('churn_reason', 'classification', 'text', '流失原因', 'Churn reason'),
  f('owner', 'classification', 'staff', '负责人', 'Owner (staff login)'),
];

export const CONTACT_FIELDS: readonly FieldDef[] = [
  f('name', 'contact', 'text', '姓名', 'Name', { required: true }),
  f('title', 'contact', 'text', '职务', 'Title'),
  f('department', 'contact', 'text', '部门', 'Department'),
  f('mobile', 'contact', 'mobile', '手机', 'Mobile'),
  f('phone', 'contact', 'phone', '电话', 'Phone'),
  f('email', 'contact', 'email', '电子邮箱', 'E-mail'),
  f('decision_maker', 'contact', 'bool', '决策人', 'Decision maker'),
  f('birthday', 'contact', 'birthday', '生日', 'Birthday'),
  f('hobbies', 'contact', 'text', '爱好或偏好', 'Hobbies or preferences'),
  f('notes', 'contact', 'text', '备注', 'Notes'),
];

export type Value = string | number | boolean | null;
export type Values = Record<string, Value>;

export function fieldByKey(defs: readonly FieldDef[], key: string): FieldDef | undefined {
  return defs.find((d) => d.key === key);
}

/** An enumerated field's input to its code (潜在客户 → potential), or a ValidationError. */
export function normalizeEnumField(def: FieldDef, raw: string): string {
  const o = matchOption(def.options!, raw);
  if (o) return o.value;
  throw new ValidationError('rule.enum', {
    field: { zh: def.zh, en: def.en },
    key: def.key,
    value: raw,
    allowed: def.options!.map((x) => `${x.value} (${x.zh})`).join(', '),
  });
}
