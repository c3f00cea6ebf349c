import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { emptyCard, type BusinessCard } from '../../src/domain/business-card.js';
import { fileCard } from '../../src/domain/card-filing.js';
import { cardFromRow, detectLayout, isBlankRow, parseMapping, TARGETS, type Layout, type Target } from '../../src/domain/import-layout.js';
import { UsageError } from '../../src/errors.js';

/** The fixtures need no CSV parser: no cell holds a comma, a quote or a line break (Outlook's
 * desktop export quotes every cell all the same). */
function readFixture(name: string): { headers: string[]; rows: string[][] } {
  const text = readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const [headers = [], ...rows] = lines.map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
  return { headers, rows };
}

const card = (fields: Partial<BusinessCard>): BusinessCard => ({ ...emptyCard(), ...fields });

/** The target each header is taken as, in header order (undefined: not taken). */
function targets(headers: string[], overrides?: Record<string, Target>): (Target | undefined)[] {
  const { columns } = detectLayout(headers, overrides);
  return headers.map((_, i) => columns.find((c) => c.index === i)?.target);
}

const HUAQIANG = {
  company: '深圳市华强电子有限公司',
  person: '张伟',
  title: '销售经理',
  department: '国际业务部',
  website: 'www.huaqiang-elec.com.cn',
  postalCode: '518031',
};

describe('fixture files: layout and cards', () => {
  test.each<[string, Layout['kind'], string[], BusinessCard[]]>([
    ['layout-chinese.csv', 'chinese', ['微信'], [
      card({
        ...HUAQIANG,
        mobiles: ['+86 138 0013 8000', '+86 139 2233 4455'],
        phones: ['0755-83765432'],
        faxes: ['0755-83765433'],
        emails: ['zhangwei@huaqiang-elec.com.cn'],
        address: '广东省深圳市福田区华强北路1002号',
        notes: '2024广交会第二期认识；要样品',
        uscc: '91440300708461136T',
        industry: '电子元器件',
        region: '华南',
      }),
      card({
        company: '上海明远精密机械有限公司',
        person: '李娜',
        title: '采购总监',
        department: '采购部',
        mobiles: ['13912345678'],
        phones: ['021-64381234'],
        emails: ['lina@mingyuan-jx.com'],
        address: '上海市闵行区春东路508号',
        postalCode: '201108',
        uscc: '91310112MA1GBX6Y8G',
        industry: '机械制造',
        region: '华东',
      }),
    ]],
    ['layout-chinese-traditional.csv', 'chinese', [], [
      card({
        company: '昆山台光精密電子有限公司',
        person: '陳志明',
        title: '業務經理',
        department: '海外業務部',
        mobiles: ['+886 912 345 678', '+86 138 1234 5678'],
        phones: ['0512-5777 8899'],
        faxes: ['0512-5777 8890'],
        emails: ['chen.zm@tgprecision.com.cn'],
        address: '江蘇省昆山市開發區前進東路88號',
        postalCode: '215300',
        website: 'www.tgprecision.com.cn',
        notes: '2024台北國際電子展',
      }),
      card({
        company: '香港東方貿易有限公司',
        person: '黃美玲',
        title: '總經理',
        mobiles: ['+852 9123 4567'],
        phones: ['+852 2345 6789'],
        emails: ['may.wong@orientaltrading.hk'],
        address: '香港九龍尖沙咀廣東道30號',
      }),
    ]],
    ['layout-split-name.csv', 'chinese', [], [
      card({
        company: HUAQIANG.company,
        person: '张伟',
        title: '销售经理',
        mobiles: ['+86 138 0013 8000'],
        emails: ['zhangwei@huaqiang-elec.com.cn'],
        address: '广东省深圳市福田区华强北路1002号',
      }),
      card({ company: '杭州西湖茶业有限公司', person: '欧阳娜娜', title: '市场专员', mobiles: ['+86 137 5710 2233'], emails: ['ouyang.nana@xihutea.cn'] }),
      card({ company: 'Pacific Components Ltd', person: 'John Smith', title: 'Buyer', mobiles: ['+44 7911 123456'], emails: ['john.smith@pacific-components.co.uk'] }),
    ]],
    ['layout-english.csv', 'english', ['WeChat'], [
      card({
        company: 'Shenzhen Huaqiang Electronics Co. Ltd',
        person: 'Wei Zhang',
        title: 'Sales Manager',
        department: 'International Sales',
        mobiles: ['+86 138 0013 8000'],
        phones: ['+86 755 8376 5432'],
        faxes: ['+86 755 8376 5433'],
        emails: ['zhangwei@huaqiang-elec.com.cn'],
        address: '1002 Huaqiangbei Road, Shenzhen, Guangdong, China',
        postalCode: '518031',
        website: 'www.huaqiang-elec.com.cn',
        notes: 'Canton Fair 2024',
        industry: 'Electronic components',
        region: 'South China',
      }),
      // Chinese parts: province, city, street without separators, and no country.
      card({
        company: '宁波东方电子有限公司',
        person: '王敏',
        title: '外贸经理',
        mobiles: ['+86 135 8888 6666'],
        emails: ['wangmin@dongfang-nb.com'],
        address: '浙江省宁波市北仑区明州路188号',
        postalCode: '315800',
      }),
    ]],
    ['layout-google.csv', 'google', [], [
      card({
        ...HUAQIANG,
        mobiles: ['+86 138 0013 8000', '+86 139 2233 4455'],
        phones: ['+86 755 8376 5432'],
        faxes: ['+86 755 8376 5433'],
        emails: ['zhangwei@huaqiang-elec.com.cn', 'sales@huaqiang-elec.com.cn', 'zhangwei1985@163.com'],
        address: '广东省深圳市福田区华强北路1002号',
        notes: '2024广交会认识',
      }),
      // No "Formatted" address: it is built from its parts, 上海市 (region and city) once.
      card({
        company: '上海明远精密机械有限公司',
        person: '李娜',
        title: '采购总监',
        mobiles: ['+86 139 1234 5678'],
        phones: ['+86 21 6438 1234'],
        emails: ['lina@mingyuan-jx.com'],
        address: '上海市闵行区春东路508号',
        postalCode: '201108',
      }),
    ]],
    ['layout-google-old.csv', 'google', [], [
      card({
        company: '上海徐汇贸易有限公司',
        person: '王芳',
        title: '市场总监',
        department: '市场部',
        mobiles: ['+86 186 1234 5678'],
        faxes: ['+86 21 6438 1235'],
        emails: ['wangfang@xuhui-trade.com'],
        address: '上海市徐汇区漕溪北路88号',
        postalCode: '200030',
        website: 'www.xuhui-trade.com',
        notes: '2023华交会',
      }),
      card({
        company: 'Dongguan Sunrise LED Lighting Co. Ltd',
        person: 'Wei Chen',
        title: 'Export Manager',
        phones: ['+86 769 2233 4455'],
        emails: ['chen.wei@sunrise-led.com'],
      }),
    ]],
    // "Title" (先生, Ms.) is the courtesy title; "E-mail Display Name" is not an e-mail.
    ['layout-outlook-desktop.csv', 'outlook', [], [
      card({
        ...HUAQIANG,
        mobiles: ['+86 138 0013 8000'],
        phones: ['+86 755 8376 5432', '+86 755 8376 5400'],
        faxes: ['+86 755 8376 5433'],
        emails: ['zhangwei@huaqiang-elec.com.cn', 'zhangwei1985@163.com'],
        address: '广东省深圳市福田区华强北路1002号华强广场A座12楼',
        notes: '2024广交会第二期认识',
      }),
      card({
        company: 'Ningbo Ocean Trading Co. Ltd',
        person: 'Lisa Wang',
        title: 'Purchasing Manager',
        mobiles: ['+86 135 8888 6666'],
        phones: ['+86 574 8686 1234'],
        emails: ['lisa.wang@ocean-trading.cn'],
        address: '188 Mingzhou Road, Ningbo, Zhejiang, China',
        postalCode: '315800',
      }),
    ]],
    ['layout-outlook-web.csv', 'outlook', [], [
      card({
        company: HUAQIANG.company,
        person: '张伟',
        title: '销售经理',
        mobiles: ['+86 138 0013 8000'],
        phones: ['+86 755 8376 5432'],
        emails: ['zhangwei@huaqiang-elec.com.cn'],
      }),
      card({
        company: 'Ningbo Ocean Trading Co. Ltd',
        person: 'Lisa Wang',
        title: 'Purchasing Manager',
        mobiles: ['+86 135 8888 6666'],
        phones: ['+86 574 8686 1234'],
        emails: ['lisa.wang@ocean-trading.cn'],
      }),
    ]],
  ])('%s: %s', (file, kind, unmapped, cards) => {
    const { headers, rows } = readFixture(file);
    const layout = detectLayout(headers);
    expect(layout.kind).toBe(kind);
    expect(layout.unmapped).toEqual(unmapped);
    expect(rows.map((row) => cardFromRow(layout, row))).toEqual(cards);
  });

  test('Outlook on Chinese Windows (GB18030, Chinese headers): every column known, 生日 0/0/00 ignored', () => {
    const text = new TextDecoder('gb18030').decode(readFileSync(new URL('../fixtures/import/layout-outlook-desktop-zh.csv', import.meta.url)));
    const [headers = [], first = []] = text.split('\r\n').map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
    const layout = detectLayout(headers);
    expect(layout.kind).toBe('outlook');
    expect(layout.unmapped).toEqual([]);
    expect(cardFromRow(layout, first)).toEqual(
      card({
        ...HUAQIANG,
        person: '王强',
        title: '采购经理',
        department: '采购部',
        mobiles: ['138 0013 8000'],
        phones: ['0755-83765432'],
        faxes: ['0755-83765433'],
        emails: ['wangqiang@hq-elec.com.cn'],
        address: '广东省深圳市福田区华强北路1002号',
        postalCode: '518031',
        website: 'www.hq-elec.com.cn',
        notes: '2026深圳电子展',
      }),
    );
  });

  test('columns are found by name, not position: the Chinese file with its first column moved last', () => {
    const { headers, rows } = readFixture('layout-chinese.csv');
    const rotate = <T>([first, ...rest]: T[]) => [...rest, first!];
    const rotated = detectLayout(rotate(headers));
    expect(cardFromRow(rotated, rotate(rows[0]!))).toEqual(cardFromRow(detectLayout(headers), rows[0]!));
  });

  test('a Google phone value carries the position of its label', () => {
    const { headers } = readFixture('layout-google.csv');
    const phone3 = detectLayout(headers).columns.find((c) => c.header === 'Phone 3 - Value');
    expect(phone3).toEqual({ index: headers.indexOf('Phone 3 - Value'), header: 'Phone 3 - Value', target: 'phone', labelIndex: headers.indexOf('Phone 3 - Label') });
  });
});

describe('header recognition after normalisation', () => {
  test.each<[string, Target | undefined]>([
    ['公司1', 'company'],
    ['公司１', 'company'],
    ['手機1', 'mobile'],
    ['手机（2）', 'mobile'],
    ['手机-1', 'mobile'],
    [' 手机号码 ', 'mobile'],
    ['\uFEFF公司名称', 'company'],
    ['E-mail 1', 'email'],
    ['Ｅ－ｍａｉｌ', 'email'],
    ['e_mail:', 'email'],
    ['EMAIL ADDRESS', 'email'],
    ['電郵', 'email'],
    ['Mobile_Phone', 'mobile'],
    ['Cell Phone', 'mobile'],
    ['Business Phone 2', 'phone'],
    ['E-mail 3 Address', 'email'],
    ['座机', 'phone'],
    ['传真', 'fax'],
    ['郵遞區號', 'postal_code'],
    ['Zip', 'postal_code'],
    ['統一社會信用代碼', 'uscc'],
    ['信用代码', 'uscc'],
    ['行業', 'industry'],
    ['區域', 'region'],
    ['Province', 'state'],
    ['URL', 'website'],
    ['Comments', 'notes'],
    ['姓', 'family_name'],
    ['名', 'given_name'],
    ['Surname', 'family_name'],
    ['E-mail Display Name', undefined],
    ['微信', undefined],
  ])('%j → %s', (header, target) => {
    expect(targets([header])).toEqual([target]);
  });

  test.each<[string[], Layout['kind']]>([
    [['公司名称', '姓名', '手机', 'E-mail'], 'chinese'],
    [['Company', 'Name', 'Mobile', 'E-mail'], 'english'],
    [['公司', 'Name', 'Email'], 'mixed'],
    [['Name', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value'], 'google'],
    [['First name', 'Last name', 'Home phone'], 'outlook'],
  ])('%j is %s', (headers, kind) => {
    expect(detectLayout(headers).kind).toBe(kind);
  });

  test('"Title" is the job title, unless a "Job Title" column is there too (then it is Mr./Ms.)', () => {
    expect(targets(['Name', 'Title'])).toEqual(['name', 'title']);
    expect(targets(['Title', 'Name', 'Job Title'])).toEqual([undefined, 'name', 'title']);
  });

  test('columns an export always writes are ignored there, but reported in any other file', () => {
    expect(detectLayout(['Name', 'Birthday', 'Group Membership']).unmapped).toEqual([]);
    expect(detectLayout(['Name', 'Birthday']).unmapped).toEqual(['Birthday']);
  });

  test('a blank header (trailing comma) is neither a column nor reported', () => {
    expect(detectLayout(['公司名称', '姓名', '', ' '])).toEqual({
      kind: 'chinese',
      columns: [
        { index: 0, header: '公司名称', target: 'company' },
        { index: 1, header: '姓名', target: 'name' },
      ],
      unmapped: [],
      managed: [],
      bookkeeping: [],
      filesSheet: false,
    });
  });

  test('a sheet kept for customers heads the company 客户名称 or 客户', () => {
    for (const header of ['客户名称', '客户', '客戶名稱', '公司全称']) {
      expect(detectLayout([header, '联系人姓名']).columns.map((c) => c.target)).toEqual(['company', 'name']);
    }
  });

  test('beside the contact\'s own number or e-mail, the plain phone or e-mail column is the company\'s (as crm export writes them); alone, it is the person\'s', () => {
    expect(targets(['企业名称', '电话', '电子邮箱', '联系人', '联系人手机', '联系邮箱'])).toEqual(['company', 'company_phone', 'company_email', 'name', 'mobile', 'email']);
    expect(targets(['Company name', 'Phone', 'E-mail', 'Contact name', 'Contact mobile', 'Contact e-mail'])).toEqual(['company', 'company_phone', 'company_email', 'name', 'mobile', 'email']);
    // Only the kind the file names as the person's: one e-mail column is still the person's.
    expect(targets(['公司', '联系人', '联系人电话', '电话', '邮箱'])).toEqual(['company', 'name', 'phone', 'company_phone', 'email']);
    expect(targets(['公司', '姓名', '电话', '邮箱', '总机'])).toEqual(['company', 'name', 'phone', 'email', 'company_phone']);
    // --map still decides.
    expect(targets(['公司', '联系人手机', '电话'], { 电话: 'phone' })).toEqual(['company', 'mobile', 'phone']);
  });

  test('a company phone or e-mail goes to the customer, the person\'s to the contact; further ones to the contact\'s notes', () => {
    const layout = detectLayout(['公司', '联系人', '联系人手机', '联系邮箱', '电话', '电子邮箱']);
    const filed = fileCard(cardFromRow(layout, ['华强电子', '王强', '13800138000', 'wq@hq.cn', '0755-83765432/0755-83765433', 'info@hq.cn']));
    expect(filed.customer).toMatchObject({ name: '华强电子', phone: '+8675583765432', email: 'info@hq.cn' });
    expect(filed.contact).toMatchObject({ name: '王强', mobile: '13800138000', email: 'wq@hq.cn', notes: '其他电话：+8675583765433' });
    const company = fileCard(cardFromRow(layout, ['华强电子', '', '', '', '0755-83765432', 'info@hq.cn']));
    expect(company).toEqual({ customer: { name: '华强电子', phone: '+8675583765432', email: 'info@hq.cn' }, contact: null });
  });

  test('in a sheet of customer files (its 客户编号 column) an empty cell clears the field it holds; in a sheet of cards it says nothing', () => {
    const head = ['企业名称', '地址', '电话', '法人代表', '联系人', '职务', '联系人手机', '手机2'];
    const row = ['华强电子', '', '', '', '王强', '', '', '13800138000'];
    const files = detectLayout(['客户编号', ...head]);
    expect(files.filesSheet).toBe(true);
    // The mobile under 手机2 fills the contact's mobile: that emptied 联系人手机 clears nothing.
    expect(fileCard(cardFromRow(files, ['C000001', ...row]))).toEqual({
      customer: { name: '华强电子', address: null, phone: null, legal_rep: null },
      contact: { name: '王强', title: null, mobile: '13800138000' },
      id: 1,
    });
    expect(detectLayout(['Customer ID', 'Company name', 'Address']).filesSheet).toBe(true);
    const cards = detectLayout(head);
    expect(cards.filesSheet).toBe(false);
    expect(fileCard(cardFromRow(cards, row))).toEqual({ customer: { name: '华强电子' }, contact: { name: '王强', mobile: '13800138000' } });
  });

  test('the 序号 column and an errors file\'s line and reason columns are bookkeeping: not reported, and a row with nothing else is blank', () => {
    for (const headers of [['序号', '公司', '姓名', '手机'], ['公司', '姓名', '手机', '行号', '错误原因'], ['Company', 'Name', 'Mobile', 'line', 'reason']]) {
      expect(detectLayout(headers).unmapped).toEqual([]);
    }
    const layout = detectLayout(['序号', '公司', '姓名', '手机', '', '']);
    expect(layout.columns.map((c) => c.target)).toEqual(['company', 'name', 'mobile']);
    expect(isBlankRow(layout, ['31', '', ' ', '', '', ''])).toBe(true);
    expect(isBlankRow(layout, ['', '', '', '', '', ''])).toBe(true);
    expect(isBlankRow(layout, ['3', '', '', '13800138000', '', ''])).toBe(false);
    expect(isBlankRow(layout, ['3', '', '', '', 'x', ''])).toBe(false);
    expect(detectLayout(['序号', '姓名'], { 序号: 'notes' }).bookkeeping).toEqual([]);
  });
});

describe('--map overrides', () => {
  test('an unknown header gets a target, normalised like detection', () => {
    const layout = detectLayout(['公司', '联系方式', 'WeChat'], { ' 联系方式 ': 'mobile', 'ｗｅｃｈａｔ': 'notes' });
    expect(layout.unmapped).toEqual([]);
    expect(cardFromRow(layout, ['华强电子', '13800138000', 'zhangwei_hq'])).toEqual(
      card({ company: '华强电子', mobiles: ['13800138000'], notes: 'zhangwei_hq' }),
    );
  });

  test('a known header gets another target, and ignore drops it without reporting it', () => {
    const layout = detectLayout(['Name', 'Cell', 'Fax', 'Notes'], { Cell: 'ignore', Fax: 'phone' });
    expect(layout.unmapped).toEqual([]);
    expect(cardFromRow(layout, ['Wei Zhang', '13800138000', '0755-83765432', 'x'])).toEqual(
      card({ person: 'Wei Zhang', phones: ['0755-83765432'], notes: 'x' }),
    );
  });

  test.each<[Record<string, Target>, (Target | undefined)[]]>([
    [{ 手机2: 'phone' }, ['mobile', 'phone', 'mobile']],
    [{ 手机: 'phone' }, ['phone', 'phone', 'phone']],
    [{ 手机: 'phone', 手机3: 'ignore' }, ['phone', 'phone', undefined]],
  ])('numbered columns: %j', (overrides, expected) => {
    expect(targets(['手机1', '手机2', '手机3'], overrides)).toEqual(expected);
  });

  test('an overridden Google phone no longer follows its label', () => {
    const headers = ['Name', 'Phone 1 - Label', 'Phone 1 - Value'];
    const row = ['张伟', 'Mobile', '0755-83765433'];
    expect(cardFromRow(detectLayout(headers), row).mobiles).toEqual(['0755-83765433']);
    expect(cardFromRow(detectLayout(headers, { 'Phone 1 - Value': 'fax' }), row)).toEqual(card({ person: '张伟', faxes: ['0755-83765433'] }));
  });
});

describe('parseMapping', () => {
  test('reads HEADER=TARGET, keeping the header as typed', () => {
    expect(parseMapping(['手机号=mobile', ' Cell = IGNORE ', '联系方式＝phone', 'a=b=notes'])).toEqual({
      手机号: 'mobile',
      Cell: 'ignore',
      联系方式: 'phone',
      'a=b': 'notes',
    });
    expect(parseMapping([])).toEqual({});
  });

  test('every target is accepted', () => {
    expect(Object.values(parseMapping(TARGETS.map((t, i) => `h${i}=${t}`)))).toEqual([...TARGETS]);
  });

  test.each([['手机号=cellphone'], ['手机号='], ['手机号'], ['=mobile']])('%j is refused, naming the targets', (spec) => {
    expect(() => parseMapping([spec])).toThrow(UsageError);
    try {
      parseMapping([spec]);
    } catch (e) {
      expect((e as UsageError).params.targets).toMatch(/^company, name, family_name, .*, region, birthday, product_line, legal_rep, .*, current_suppliers, ignore$/);
    }
  });
});

describe('cardFromRow', () => {
  const layout = detectLayout(['公司', '姓名', '姓', '名', '手机1', '手机2', '邮箱', '备注', '说明', '省', '城市', '街道']);

  test('trims cells, drops empty ones and duplicates, and reads a short row as empty cells', () => {
    expect(cardFromRow(layout, [' 华强电子 ', '', '张', '伟', '13800138000', ' 13800138000 ', '  '])).toEqual(
      card({ company: '华强电子', person: '张伟', mobiles: ['13800138000'] }),
    );
  });

  test('姓名 wins over 姓 + 名; notes from several columns are all kept; Chinese address parts are joined in order, once', () => {
    expect(cardFromRow(layout, ['华强电子', '张伟', '李', '娜', '', '', '', '展会', '要样品', '北京市', '北京市', '朝阳区建国路88号'])).toEqual(
      card({ company: '华强电子', person: '张伟', notes: '展会; 要样品', address: '北京市朝阳区建国路88号' }),
    );
  });

  test('a row of empty cells is an empty card', () => {
    expect(cardFromRow(layout, [])).toEqual(card({}));
  });

  test('a single field from several columns takes the first that has a value', () => {
    const l = detectLayout(['公司', '单位名称', 'Company']);
    expect(cardFromRow(l, ['', '华强电子', 'Huaqiang'])).toEqual(card({ company: '华强电子' }));
  });

  test('" ::: " splits values in Google exports only', () => {
    const google = detectLayout(['Name', 'E-mail 1 - Value', 'Website 1 - Value']);
    expect(cardFromRow(google, ['张伟', 'a@x.cn ::: b@x.cn', 'www.x.cn ::: www.y.cn'])).toEqual(
      card({ person: '张伟', emails: ['a@x.cn', 'b@x.cn'], website: 'www.x.cn' }),
    );
    const chinese = detectLayout(['姓名', '备注']);
    expect(cardFromRow(chinese, ['张伟', 'a ::: b'])).toEqual(card({ person: '张伟', notes: 'a ::: b' }));
  });

  test('numbers and e-mails written several to a cell are each one value; other cells are kept whole', () => {
    const l = detectLayout(['公司', '姓名', '手机', '电话', '邮箱']);
    const row = ['华强电子, 深圳', '张伟', '13800138000/13900139000', '0755-83765432、0755-83765433', 'a@x.cn; B@x.cn\nc@x.cn'];
    expect(cardFromRow(l, row)).toEqual(
      card({
        company: '华强电子, 深圳',
        person: '张伟',
        mobiles: ['13800138000', '13900139000'],
        phones: ['0755-83765432', '0755-83765433'],
        emails: ['a@x.cn', 'B@x.cn', 'c@x.cn'],
      }),
    );
    expect(cardFromRow(l, ['华强电子', '张伟', '', '+8675583765432;ext=801', '']).phones).toEqual(['+8675583765432;ext=801']);
  });

  test.each([
    ['Mobile', 'mobiles'],
    ['* Mobile', 'mobiles'],
    ['手机', 'mobiles'],
    ['Work Fax', 'faxes'],
    ['Home Fax', 'faxes'],
    ['Work', 'phones'],
    ['Main', 'phones'],
    ['', 'phones'],
  ] as const)('a Google phone labelled %j goes to %s', (label, list) => {
    const l = detectLayout(['Name', 'Phone 1 - Label', 'Phone 1 - Value']);
    expect(cardFromRow(l, ['张伟', label, '+86 755 8376 5432'])).toEqual(card({ person: '张伟', [list]: ['+86 755 8376 5432'] }));
  });
});

test('a 生日 column a person typed is the birthday; Google and Outlook Birthday columns are not', () => {
  expect(cardFromRow(detectLayout(['公司', '姓名', '生日']), ['华强', '王强', '1985-06-01']).birthday).toBe('1985-06-01');
  const outlook = detectLayout(['First Name', 'Last Name', 'Company', 'Job Title', 'Business Phone', 'E-mail Display Name', 'Birthday']);
  expect(outlook.kind).toBe('outlook');
  expect(cardFromRow(outlook, ['Lisa', 'Wang', 'Ocean', 'Buyer', '0574-86861234', 'Lisa Wang', '0/0/00']).birthday).toBeUndefined();
});
