// Which column of a CSV file of business cards means what, and each row as a BusinessCard.
// Files come from trade shows in every layout (Chinese or English headers typed by people,
// Google and Outlook exports), so columns are always found by their header names, never by
// position. Pure: the caller reads and splits the file.
import { emptyCard, joinPersonName, type BusinessCard } from './business-card.js';
import { CUSTOMER_FIELDS, fieldByKey } from './card-fields.js';
import { hasHan } from './text.js';
import { UsageError } from '../errors.js';

/** A customer's descriptive fields beyond a card's (registration, characteristics, 品项), by card
 * key: a sheet of customer files — `crm export`'s, corrected in Excel — carries them. */
export const FILE_FIELDS = [
  'product_line', 'legal_rep', 'founded_on', 'ownership_type', 'registered_capital', 'business_scope', 'bank_name',
  'bank_account', 'site_area', 'revenue', 'employees', 'purchasing_style', 'needs', 'business_trend', 'current_suppliers',
] as const;
type FileField = (typeof FILE_FIELDS)[number];
const FILE_FIELD_SET: ReadonlySet<string> = new Set(FILE_FIELDS);

export type Target =
  | FileField
  | 'company' | 'name' | 'family_name' | 'given_name' | 'middle_name' | 'title' | 'department'
  | 'file_id' | 'mobile' | 'phone' | 'fax' | 'email' | 'company_phone' | 'company_email' | 'address' | 'street' | 'city' | 'state' | 'postal_code'
  | 'country' | 'website' | 'notes' | 'uscc' | 'industry' | 'region' | 'birthday' | 'ignore';

export const TARGETS: readonly Target[] = [
  'company', 'name', 'family_name', 'given_name', 'middle_name', 'title', 'department',
  'file_id', 'mobile', 'phone', 'fax', 'email', 'company_phone', 'company_email', 'address', 'street', 'city', 'state', 'postal_code',
  'country', 'website', 'notes', 'uscc', 'industry', 'region', 'birthday', ...FILE_FIELDS, 'ignore',
];

/** Columns of a customer-file sheet that the import leaves to the commands that keep their rules
 * (crm update, assign, status …): reported, not taken, not "unused". */
const MANAGED = CUSTOMER_FIELDS.filter((f) => f.section === 'classification').flatMap((f) => [f.zh, f.en]);

export interface ColumnRule {
  /** Position of the column in each row, found from its header. */
  index: number;
  /** The header as written in the file. */
  header: string;
  target: Exclude<Target, 'ignore'>;
  /** Google's "Phone N - Value": position of its "Phone N - Label" (or older "- Type") column,
   * whose text (Mobile, Work, Work Fax…) files the number as a mobile, a fax or a phone. */
  labelIndex?: number;
}

export interface Layout {
  kind: 'chinese' | 'english' | 'google' | 'outlook' | 'mixed';
  columns: ColumnRule[];
  /** Headers used by no rule (neither recognised nor a known column to ignore), to report. */
  unmapped: string[];
  /** Headers of customer-file columns the import does not change (客户状态, 负责人 …), to report. */
  managed: string[];
  /** Positions of the columns that only number the rows (序号) or tell why crm rejected one:
   * a row with nothing else is a blank row. */
  bookkeeping: number[];
  /** A sheet of customer files (crm's export, edited in Excel: it has the 客户编号 column), where
   * an empty cell says the field is empty, not that the card did not show it. */
  filesSheet: boolean;
}

type Synonyms = Partial<Record<Target, readonly string[]>>;

/** Chinese headers as people type them, Simplified and Traditional. */
const CHINESE: Synonyms = {
  // The customer number crm's export writes first (export.column.id): a sheet that has it is a sheet
  // of customer files, each row that file (a bulk edit), not of cards.
  file_id: ['客户编号', '客戶編號'],
  company: ['公司', '公司名称', '公司名', '公司全称', '单位', '单位名称', '企业名称', '企业', '工作单位', '客户', '客户名称', '客户名',
    '公司名稱', '公司全稱', '單位', '單位名稱', '企業名稱', '企業', '工作單位', '客戶', '客戶名稱'],
  name: ['姓名', '联系人', '名字', '联系人姓名', '聯絡人', '聯繫人', '聯絡人姓名', '聯繫人姓名'],
  family_name: ['姓', '姓氏'],
  given_name: ['名'],
  title: ['职位', '职务', '头衔', '职称', '職位', '職務', '頭銜', '職稱'],
  department: ['部门', '部門'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '行动电话', '联系人手机', '手機', '手機號', '手機號碼', '移動電話', '行動電話'],
  phone: ['电话', '办公电话', '公司电话', '座机', '固话', '工作电话', '联系电话', '联系人电话', '電話', '辦公電話', '公司電話', '座機', '固話', '工作電話', '聯絡電話', '市話',
    // Outlook on Chinese Windows
    '商务电话', '单位主要电话', '主要电话', '住宅电话', '其他电话'],
  fax: ['传真', '傳真', '商务传真', '住宅传真', '其他传真'],
  // Chinese sheets mostly head the e-mail column in English.
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '联系邮箱', '联系人邮箱', '联系人电子邮箱', 'E-mail', 'Email', '郵箱', '電子郵件', '電子郵箱', '電子信箱', '電郵', '郵件', '电子邮件地址', '聯絡人郵箱'],
  company_phone: ['总机', '公司总机', '總機', '公司總機'],
  company_email: ['公司邮箱', '企业邮箱', '公司郵箱', '企業郵箱'],
  address: ['地址', '公司地址', '通讯地址', '联系地址', '通訊地址', '聯絡地址', '聯繫地址'],
  street: ['详细地址', '街道', '詳細地址', '商务地址 街道'],
  city: ['城市', '市', '商务地址 市/县'],
  state: ['省份', '省', '商务地址 省/市/自治区'],
  country: ['国家', '國家', '商务地址 国家/地区'],
  postal_code: ['邮编', '邮政编码', '郵編', '郵政編碼', '郵遞區號', '商务地址 邮政编码'],
  website: ['网址', '网站', '主页', '網址', '網站', '主頁', '网页'],
  notes: ['备注', '说明', '備註', '說明', '附注'],
  middle_name: ['中间名'],
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', '統一社會信用代碼', '信用代碼', '社會信用代碼'],
  industry: ['行业', '行業', '所属行业', '所屬行業'],
  region: ['区域', '地区', '區域', '地區'],
  // Only where a person typed the column: Google's and Outlook's Birthday columns are ignored,
  // Outlook fills them with 0/0/00.
  birthday: ['生日', '出生日期'],
};

/** English headers, with the field columns of Google's (current and older) and Outlook's exports. */
const ENGLISH: Synonyms = {
  file_id: ['Customer ID'],
  company: ['Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organization 1 - Name'],
  name: ['Name', 'Full Name', 'Contact', 'Contact Name'],
  family_name: ['Last Name', 'Family Name', 'Surname'],
  given_name: ['First Name', 'Given Name'],
  middle_name: ['Middle Name', 'Additional Name'],
  title: ['Title', 'Job Title', 'Position', 'Organization Title', 'Organization 1 - Title'],
  department: ['Department', 'Organization Department', 'Organization 1 - Department'],
  mobile: ['Mobile', 'Mobile Phone', 'Mobile Number', 'Cell', 'Cell Phone', 'Contact Mobile'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Tel', 'Work Phone', 'Business Phone', 'Office Phone', 'Home Phone', 'Company Main Phone', 'Primary Phone', 'Other Phone', 'Phone 1 - Value'],
  fax: ['Fax', 'Business Fax', 'Home Fax', 'Other Fax'],
  email: ['Email', 'E-mail', 'Email Address', 'E-mail Address', 'E-mail 1 - Value', 'Contact Email', 'Contact E-mail'],
  company_phone: ['Switchboard', 'Main Phone'],
  company_email: ['Company Email', 'Company E-mail'],
  address: ['Address', 'Address 1 - Formatted'],
  street: ['Street', 'Business Street', 'Address 1 - Street', 'Address 1 - Extended Address'],
  city: ['City', 'Business City', 'Address 1 - City'],
  state: ['State', 'Province', 'Business State', 'Address 1 - Region'],
  postal_code: ['Postal Code', 'Zip', 'Zip Code', 'Postcode', 'Business Postal Code', 'Address 1 - Postal Code'],
  country: ['Country', 'Business Country', 'Business Country/Region', 'Address 1 - Country'],
  website: ['Website', 'Web Site', 'Web Page', 'URL', 'Website 1 - Value'],
  notes: ['Notes', 'Note', 'Comments'],
  uscc: ['USCC', 'Unified Social Credit Code', 'Credit Code'],
  industry: ['Industry'],
  region: ['Region'],
};

/** Personal columns that both Google's and Outlook's exports always write. */
const PERSONAL = [
  'Birthday', 'Gender', 'Hobby', 'Initials', 'Language', 'Location', 'Nickname', 'Priority',
  'Sensitivity', 'Mileage', 'Billing Information', 'Directory Server',
];

/** Columns an export always writes that a business card has no place for: ignored in that
 * export, but reported as unmapped in any other file, where they may mean something else. */
const IGNORED: Record<'google' | 'outlook', readonly string[]> = {
  google: [
    ...PERSONAL, 'Name Prefix', 'Name Suffix', 'Phonetic First Name', 'Phonetic Middle Name',
    'Phonetic Last Name', 'File As', 'Photo', 'Labels', 'Group Membership', 'Yomi Name',
    'Given Name Yomi', 'Additional Name Yomi', 'Family Name Yomi', 'Short Name', 'Maiden Name',
    'Occupation', 'Subject', 'E-mail 1 - Label', 'E-mail 1 - Type', 'Phone 1 - Label', 'Phone 1 - Type',
    'Address 1 - Label', 'Address 1 - Type', 'Address 1 - PO Box', 'Organization 1 - Type',
    'Organization 1 - Yomi Name', 'Organization 1 - Symbol', 'Organization 1 - Location',
    'Organization 1 - Job Description', 'Website 1 - Label', 'Website 1 - Type',
  ],
  outlook: [
    ...PERSONAL, 'Suffix', 'Given Yomi', 'Surname Yomi', 'Company Yomi', "Assistant's Phone",
    'Callback', 'Car Phone', 'ISDN', 'Pager', 'Radio Phone', 'TTY/TDD Phone', 'Telex',
    'Home Street', 'Home City', 'Home State', 'Home Postal Code', 'Home Country/Region',
    'Home Address PO Box', 'Other Street', 'Other City', 'Other State', 'Other Postal Code',
    'Other Country/Region', 'Other Address PO Box', 'Business Address PO Box', 'Account',
    'Anniversary', "Assistant's Name", 'Categories', 'Children', 'E-mail Type', 'E-mail Display Name',
    'Government ID Number', 'Internet Free Busy', 'Keywords', "Manager's Name", 'Office Location',
    'Organizational ID Number', 'Private', 'Profession', 'Referred By', 'Spouse', 'User 1',
    'IMAddress', 'Schools', 'Personal Web Page',
    // The same on Chinese Windows; 生日 and 纪念日 are 0/0/00 when empty, as in English.
    '称谓', '英文称谓', '尾注', '住宅地址 街道', '住宅地址 市/县', '住宅地址 省/市/自治区', '住宅地址 邮政编码',
    '住宅地址 国家/地区', '住宅地址 - 邮箱', '其他地址 街道', '其他地址 市/县', '其他地址 省/市/自治区',
    '其他地址 邮政编码', '其他地址 国家/地区', '其他地址 - 邮箱', '商务地址 - 邮箱', '助理的电话', '回电话',
    '车载电话', 'ISDN', '寻呼机', '无绳电话', 'TTY/TDD 电话', '电报', 'Internet 忙闲', '办公地点', '地点',
    '电子邮件类型', '电子邮件显示名称', '电子邮件显示名', '工作证号码', '关键词', '记帐信息', '纪念日', '经理姓名',
    '类别', '里程', '敏感度', '目录服务器', '配偶', '身份证编号', '生日', '私有', '缩写', '性别', '业余爱好',
    '引用者', '用户', '优先级', '语言', '帐户', '职业', '助理的姓名', '子女',
  ],
};

/** Columns about the row, not the card: the 序号 a sheet numbers its rows with, and the line and
 * reason columns of an errors file (import.col_line, import.col_reason), imported again once fixed. */
const BOOKKEEPING = ['序号', '序號', '编号', 'No.', 'S/N', '行号', '错误原因', 'Line', 'Reason'];

/** Headers that name the contact person's own number or e-mail. A file that has one (crm's own
 * export writes 联系人手机 and 联系邮箱 beside the company's 电话 and 电子邮箱) means its plain
 * phone (or e-mail) columns for the company. */
const PERSON_OWN = [
  { plain: 'phone', company: 'company_phone', own: ['联系人手机', '联系人电话', '聯絡人手機', '聯絡人電話', 'Contact Mobile', 'Contact Phone'] },
  { plain: 'email', company: 'company_email', own: ['联系邮箱', '联系人邮箱', '联系人电子邮箱', '聯絡人郵箱', 'Contact Email', 'Contact E-mail'] },
] as const;

/** Headers that only these exports write: one of them tells the layout. */
const MARKS: Record<'google' | 'outlook', readonly string[]> = {
  google: ['File As', 'Group Membership', 'E-mail 1 - Value', 'Phone 1 - Value', 'Address 1 - Formatted', 'Website 1 - Value'],
  outlook: ['E-mail Display Name', 'Business Street', 'Business Country/Region', 'Home Phone', '电子邮件显示名称', '商务地址 街道', '商务地址 国家/地区'],
};

/** A header reduced to what tells it apart: full-width to half-width, lower case, without
 * spaces and punctuation (公司（1）, E-mail → 公司1, email). A byte-order mark goes too. */
function compact(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The header as matched against the synonyms: without its numbers, which only tell repeated
 * columns apart — at the end (手机2, Business Phone 2) or inside (E-mail 2 Address, Phone 1 - Value). */
function headerKey(header: string): string {
  return compact(header).replace(/\d+/g, '');
}

function byKey(synonyms: Synonyms): Map<string, Target> {
  const map = new Map<string, Target>();
  for (const [target, names] of Object.entries(synonyms) as [Target, readonly string[]][]) {
    for (const name of names) map.set(headerKey(name), target);
  }
  return map;
}

/** The descriptive fields by their card labels, as the export heads them (and by key). */
const fileFieldSynonyms = (lang: 'zh' | 'en'): Synonyms =>
  Object.fromEntries(FILE_FIELDS.map((key) => [key, [fieldByKey(CUSTOMER_FIELDS, key)![lang], ...(lang === 'en' ? [key] : [])]]));

const CHINESE_KEYS = byKey({ ...CHINESE, ...fileFieldSynonyms('zh') });
const ENGLISH_KEYS = byKey({ ...ENGLISH, ...fileFieldSynonyms('en') });
const KNOWN = new Map([...ENGLISH_KEYS, ...CHINESE_KEYS]);
const keySet = (names: readonly string[]) => new Set(names.map(headerKey));
const IGNORED_KEYS = { google: keySet(IGNORED.google), outlook: keySet(IGNORED.outlook) };
const MARK_KEYS = { google: keySet(MARKS.google), outlook: keySet(MARKS.outlook) };
const BOOKKEEPING_KEYS = keySet(BOOKKEEPING);
const MANAGED_KEYS = keySet(MANAGED);
const FOR_COMPANY = PERSON_OWN.map((p) => ({ ...p, own: keySet(p.own) }));
const TITLE = headerKey('Title');
const JOB_TITLE = headerKey('Job Title');

function kindOf(keys: string[]): Layout['kind'] {
  if (keys.some((k) => MARK_KEYS.google.has(k))) return 'google';
  if (keys.some((k) => MARK_KEYS.outlook.has(k))) return 'outlook';
  // E-mail heads Chinese and English sheets alike, so it tells neither.
  const zh = keys.some((k) => CHINESE_KEYS.has(k) && !ENGLISH_KEYS.has(k));
  const en = keys.some((k) => ENGLISH_KEYS.has(k) && !CHINESE_KEYS.has(k));
  return zh && en ? 'mixed' : zh ? 'chinese' : 'english';
}

/** The --map target for a header: a name with a number ("手机2") names that one column, a name
 * without ("手机") every numbered column of that name; the exact one wins. */
function overrideFor(overrides: [string, Target][], header: string): Target | undefined {
  const exact = overrides.find(([name]) => name === compact(header));
  return (exact ?? overrides.find(([name]) => name === headerKey(header)))?.[1];
}

/** Google's "Phone N - Value" → the position of its "Phone N - Label" (older: "- Type"). */
function phoneLabelIndex(compacted: string[], index: number): number | undefined {
  const n = /^phone(\d+)value$/.exec(compacted[index] ?? '')?.[1];
  if (n === undefined) return undefined;
  const at = compacted.findIndex((c) => c === `phone${n}label` || c === `phone${n}type`);
  return at < 0 ? undefined : at;
}

export function detectLayout(headers: string[], overrides: Record<string, Target> = {}): Layout {
  const keys = headers.map(headerKey);
  const kind = kindOf(keys);
  const ignored = new Set(kind === 'google' || kind === 'outlook' ? IGNORED_KEYS[kind] : []);
  // Outlook writes "Title" (Mr., Dr.) beside "Job Title": with both, "Title" is the courtesy title.
  if (keys.includes(JOB_TITLE)) ignored.add(TITLE);
  const compacted = headers.map(compact);
  const overriding = Object.entries(overrides).map(([name, target]): [string, Target] => [compact(name), target]);
  const columns: ColumnRule[] = [];
  const unmapped: string[] = [];
  const managed: string[] = [];
  const bookkeeping: number[] = [];
  const mapped = new Set<number>();
  headers.forEach((header, index) => {
    // A blank header (a trailing comma) names nothing, and --map could not name it either.
    if (!compacted[index]) return;
    const key = keys[index] ?? '';
    const overridden = overrideFor(overriding, header);
    if (overridden !== undefined) mapped.add(index);
    if (overridden === undefined && BOOKKEEPING_KEYS.has(key)) bookkeeping.push(index);
    if (overridden === undefined && !KNOWN.has(key) && MANAGED_KEYS.has(key)) return void managed.push(header);
    const target = overridden ?? (ignored.has(key) || BOOKKEEPING_KEYS.has(key) ? 'ignore' : KNOWN.get(key));
    if (target === undefined) unmapped.push(header);
    else if (target !== 'ignore') {
      const labelIndex = overridden === undefined && target === 'phone' ? phoneLabelIndex(compacted, index) : undefined;
      columns.push(labelIndex === undefined ? { index, header, target } : { index, header, target, labelIndex });
    }
  });
  // Beside the person's own number (or e-mail), a plain phone (or e-mail) column is the company's.
  for (const { plain, own, company } of FOR_COMPANY) {
    if (!keys.some((k) => own.has(k))) continue;
    for (const c of columns) {
      if (c.target === plain && !own.has(keys[c.index]!) && !mapped.has(c.index)) c.target = company;
    }
  }
  return { kind, columns, unmapped, managed, bookkeeping, filesSheet: columns.some((c) => c.target === 'file_id') };
}

/** A row with no value but in bookkeeping columns: what Excel leaves below the data (",,,," or
 * rows numbered in advance, "31,,,,"), with nothing a card could be made of. */
export function isBlankRow(layout: Layout, row: string[]): boolean {
  return row.every((cell, index) => cell.trim() === '' || layout.bookkeeping.includes(index));
}

/** A Google phone's label: Mobile (手机) → mobiles, one with Fax (传真) → faxes, else phones.
 * Labels may carry Google's "* " mark of the primary one. */
function phoneTarget(label: string): 'mobile' | 'fax' | 'phone' {
  const l = label.normalize('NFKC').toLowerCase();
  if (/mobile|手机|手機/.test(l)) return 'mobile';
  if (/fax|传真|傳真/.test(l)) return 'fax';
  return 'phone';
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The address from its parts: Chinese ones from the largest down without separators
 * (广东省 + 深圳市 + 福田区华强北路1号), others as "street, city, state, country". */
function assembleAddress(streets: string[], cities: string[], states: string[], countries: string[]): string | undefined {
  const chinese = [...states, ...cities, ...streets];
  if (chinese.some(hasHan)) return unique(chinese).join('');
  return unique([...streets, ...cities, ...states, ...countries]).join(', ') || undefined;
}

/** Cells that hold a list: people write two numbers or addresses in one ("13800138000/13900139000",
 * "a@x.cn; b@x.cn", one per line with Alt+Enter). No number or address has these characters. */
const LISTS: ReadonlySet<Target> = new Set(['mobile', 'phone', 'fax', 'email', 'company_phone', 'company_email']);
const LIST_SEPARATOR = /[/／、,，\r\n]|[;；](?!ext=)/i; // not the ';ext=' of a stored number

/** The values of one cell: Google puts several of one kind in any cell ("a@x.com ::: b@y.com"). */
function cellValues(layout: Layout, target: Target, cell: string): string[] {
  const googleParts = layout.kind === 'google' ? cell.split(':::') : [cell];
  const parts = LISTS.has(target) ? googleParts.flatMap((p) => p.split(LIST_SEPARATOR)) : googleParts;
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function cardFromRow(layout: Layout, row: string[]): BusinessCard {
  const values = new Map<Target, string[]>();
  for (const rule of layout.columns) {
    const cell = row[rule.index]?.trim() ?? '';
    const target = rule.labelIndex === undefined ? rule.target : phoneTarget(row[rule.labelIndex] ?? '');
    const parts = cellValues(layout, target, cell);
    values.set(target, [...(values.get(target) ?? []), ...parts]);
  }
  const all = (target: Target) => unique(values.get(target) ?? []);
  // A card has one company, title, address…: the first column (or value) that has one.
  const first = (target: Target) => all(target)[0];

  const texts: Partial<BusinessCard> = {
    company: first('company'),
    person: first('name') ?? joinPersonName(first('family_name'), first('given_name'), first('middle_name')),
    fileId: first('file_id'),
    title: first('title'),
    department: first('department'),
    address: first('address') ?? assembleAddress(all('street'), all('city'), all('state'), all('country')),
    postalCode: first('postal_code'),
    website: first('website'),
    // Notes are free text: keep every column's.
    notes: all('notes').join('; ') || undefined,
    uscc: first('uscc'),
    industry: first('industry'),
    region: first('region'),
    birthday: first('birthday'),
  };
  // Only the layout's own columns are looked at: a card file has none of these, and this runs per row.
  const fields: Record<string, string> = {};
  for (const c of layout.columns) {
    const value = FILE_FIELD_SET.has(c.target) ? first(c.target) : undefined;
    if (value !== undefined) fields[c.target] = value;
  }
  if (Object.keys(fields).length) texts.fields = fields;
  // In a sheet of customer files, a cell emptied in Excel is a value to clear (--on-duplicate update).
  if (layout.filesSheet) texts.cleared = unique(layout.columns.filter((c) => c.labelIndex === undefined && all(c.target).length === 0).map((c) => c.target));
  return Object.assign(
    emptyCard(),
    { mobiles: all('mobile'), phones: all('phone'), faxes: all('fax'), emails: all('email'), companyPhones: all('company_phone'), companyEmails: all('company_email') },
    Object.fromEntries(Object.entries(texts).filter(([, value]) => value !== undefined)),
  );
}

/** --map "手机号=mobile" "Cell=ignore" → { 手机号: 'mobile', Cell: 'ignore' }. Headers are kept as
 * typed: detectLayout compares them as it compares the synonyms. */
export function parseMapping(specs: string[]): Record<string, Target> {
  const mapping: Record<string, Target> = {};
  for (const spec of specs) {
    // NFKC: a full-width ＝ typed with a Chinese input method is still the separator.
    const text = spec.normalize('NFKC');
    const at = text.lastIndexOf('=');
    const header = text.slice(0, at).trim();
    const target = text.slice(at + 1).trim().toLowerCase();
    if (at < 0 || !header) throw new UsageError('import.map_form', { spec, targets: TARGETS.join(', ') });
    if (!(TARGETS as readonly string[]).includes(target)) throw new UsageError('import.map_target', { spec, target, targets: TARGETS.join(', ') });
    mapping[header] = target as Target;
  }
  return mapping;
}
