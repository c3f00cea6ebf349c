// Validating the flags of `staff add` and `staff update`.
import { matchOption, ROLES } from '../../domain/enums.js';
import { parseEmail } from '../../domain/email.js';
import { parsePhone } from '../../domain/phone.js';
import { blankToNull } from '../../domain/text.js';
import type { StaffValues } from '../../db/staff.js';
import { ValidationError } from '../../errors.js';

export interface StaffFlags {
  name?: string;
  role?: string;
  region?: string;
  productLine?: string;
  phone?: string;
  email?: string;
  json?: boolean;
}

const LABELS = {
  name: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'E-mail' },
};

export function staffValues(o: StaffFlags): StaffValues {
  const out: StaffValues = {};
  if (o.name !== undefined) {
    const name = blankToNull(o.name);
    if (!name) throw new ValidationError('rule.required', { field: LABELS.name, key: 'name' });
    out.name = name;
  }
  if (o.role !== undefined) {
    const role = matchOption(ROLES, o.role);
    if (!role) throw new ValidationError('rule.enum', { field: LABELS.role, key: 'role', value: o.role, allowed: ROLES.map((r) => `${r.value} (${r.zh})`).join(', ') });
    out.role = role.value;
  }
  if (o.region !== undefined) out.region = blankToNull(o.region);
  if (o.productLine !== undefined) out.product_line = blankToNull(o.productLine);
  if (o.phone !== undefined) {
    const raw = blankToNull(o.phone);
    const r = raw === null ? null : parsePhone(raw);
    if (r && !r.ok) throw new ValidationError(`rule.${r.rule}`, { field: LABELS.phone, key: 'phone', value: o.phone });
    out.phone = r && r.ok ? r.value : null;
  }
  if (o.email !== undefined) {
    const raw = blankToNull(o.email);
    const email = raw === null ? null : parseEmail(raw);
    if (raw !== null && email === null) throw new ValidationError('rule.email', { field: LABELS.email, key: 'email', value: o.email });
    out.email = email;
  }
  return out;
}
