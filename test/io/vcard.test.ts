import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { looksLikeVCard, parseVCards, VCardError } from '../../src/io/vcard.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

/** One card from its property lines, wrapped in BEGIN/END. */
const cardOf = (...props: string[]) => {
  const entries = [...parseVCards(['BEGIN:VCARD', ...props, 'END:VCARD'].join('\r\n'))];
  expect(entries).toHaveLength(1);
  return entries[0]!.card;
};

/** The VCardError that reading all of `text` throws, as { line, reason }. */
const failureOf = (text: string) => {
  try {
    [...parseVCards(text)];
  } catch (e) {
    if (e instanceof VCardError) return { line: e.line, reason: e.reason };
    throw e;
  }
  throw new Error('no VCardError');
};

const WANG_QIANG = {
  person: '王强',
  company: '深圳市华强电子有限公司',
  department: '采购部',
  title: '采购经理',
  mobiles: ['+86 138-0013-8000'],
  companyPhones: [],
  companyEmails: [],
  phones: ['0755-83765432'],
  faxes: ['0755-83765433'],
  emails: ['wangqiang@hq-elec.com.cn'],
  address: '广东省深圳市福田区华强北路1002号赛格广场12楼',
  postalCode: '518031',
  website: 'http://www.hq-elec.com.cn',
};

describe('looksLikeVCard', () => {
  test.each([
    ['BEGIN:VCARD\r\nVERSION:3.0', true],
    ['\uFEFF\r\n  \r\nbegin:vcard\nversion:2.1', true],
    ['Begin:VCard  \n', true],
    ['公司名称,联系人,手机\n深圳市华强电子有限公司,王强,13800138000', false],
    ['BEGIN:VCALENDAR\nEND:VCALENDAR', false],
    ['BEGIN:VCARDS\n', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeVCard(text)).toBe(expected);
  });
});

describe('parseVCards: vCard 2.1 with quoted-printable (vcard-21-qp.vcf)', () => {
  const entries = [...parseVCards(fixture('vcard-21-qp.vcf'))];

  test('reads both cards with the lines of their BEGIN', () => {
    expect(entries.map((e) => e.line)).toEqual([1, 26]);
  });

  test('decodes UTF-8 bytes across soft line breaks, splits N, ORG and ADR, skips the indented PHOTO', () => {
    expect(entries[0]!.card).toEqual({ ...WANG_QIANG, notes: '2023年深圳电子展结识\n主营被动元件' });
  });

  test('decodes CHARSET=GBK bytes (bare QUOTED-PRINTABLE too), unfolds a 2.1 line and skips an unindented PHOTO', () => {
    expect(entries[1]!.card).toEqual({
      person: '王强',
      company: '深圳市华强电子有限公司',
      title: '采购经理',
      mobiles: ['13800138000'],
      companyPhones: [],
      companyEmails: [],
      phones: ['0755-83765432'],
      faxes: [],
      emails: [],
      notes: 'Met at the Shenzhen electronics fair, follow up every quarter',
    });
  });
});

describe('parseVCards: vCard 3.0 (vcard-30.vcf)', () => {
  const entries = [...parseVCards(fixture('vcard-30.vcf'))];

  test('reads three cards, blank lines between them ignored', () => {
    expect(entries.map((e) => e.line)).toEqual([1, 27, 40]);
  });

  test('an iPhone card: folded ORG, item groups, escapes, duplicate number dropped, PHOTO skipped', () => {
    expect(entries[0]!.card).toEqual({
      ...WANG_QIANG,
      notes: '主营被动元件, 年采购额约500万元; 每季度拜访一次\n微信：wangqiang_hq',
    });
  });

  test('lower-case properties, FN when N is empty, ROLE when TITLE is empty, a non-Chinese address', () => {
    expect(entries[1]!.card).toEqual({
      person: '李娜',
      company: 'Shenzhen Huaqiang Electronics Co., Ltd.',
      title: 'Sales Director',
      mobiles: ['139 1234 5678'],
      companyPhones: [],
      companyEmails: [],
      phones: [],
      faxes: [],
      emails: ['lina@example.com'],
      address: '88 Queensway, Suite 1201, Admiralty, Hong Kong',
    });
  });

  test('a Western name from N, an empty department, "\\\\" unescaped', () => {
    expect(entries[2]!.card).toEqual({
      person: 'Jie Michael Chen',
      company: 'Huaqiang Electronics',
      mobiles: [],
      companyPhones: [],
      companyEmails: [],
      phones: ['+86 755 8376 5400'],
      faxes: [],
      emails: ['chen.jie@hq-elec.com.cn'],
      notes: 'Orders via C:\\ERP\\export',
    });
  });
});

describe('parseVCards: vCard 4.0 (vcard-40.vcf)', () => {
  test('after a BOM: tel: URIs, quoted TYPE lists, a quoted LABEL with ":" and ";", the province not repeated', () => {
    expect([...parseVCards(fixture('vcard-40.vcf'))]).toEqual([
      {
        line: 1,
        card: {
          person: '张伟',
          company: '深圳市华强电子有限公司',
          department: '市场部',
          title: '市场总监',
          mobiles: ['+86-138-0013-8000'],
          companyPhones: [],
          companyEmails: [],
          phones: ['+86-755-8376-5432'],
          faxes: ['+86-755-8376-5433'],
          emails: ['zhangwei@hq-elec.com.cn'],
          address: '广东省深圳市福田区华强北路1002号',
          postalCode: '518031',
          website: 'https://www.hq-elec.com.cn',
        },
      },
    ]);
  });
});

describe('parseVCards: properties', () => {
  test('TEL types in every style sort numbers into mobiles, faxes and phones', () => {
    const card = cardOf(
      'VERSION:3.0',
      'TEL;TYPE=cell;TYPE=voice:13800138001',
      'TEL;TYPE=MOBILE:13800138002',
      'TEL;iPhone:13800138003',
      'TEL;TYPE="work,fax":0755-83765433',
      'TEL;FAX;HOME:0755-83765434',
      'TEL;TYPE=HOME:0755-83765435',
      'TEL;TYPE=MAIN:0755-83765436',
      'TEL:0755-83765437',
    );
    expect([card.mobiles, card.faxes, card.phones]).toEqual([
      ['13800138001', '13800138002', '13800138003'],
      ['0755-83765433', '0755-83765434'],
      ['0755-83765435', '0755-83765436', '0755-83765437'],
    ]);
  });

  test('values are trimmed, empty ones dropped, the first of a single field kept', () => {
    const card = cardOf('VERSION:3.0', 'FN:  王强  ', 'EMAIL: ', 'TEL:', 'TITLE:采购经理', 'TITLE:经理', 'URL:', 'ADR:;;;;;;');
    expect(card).toEqual({ person: '王强', title: '采购经理', mobiles: [], phones: [], faxes: [], emails: [], companyPhones: [], companyEmails: [] });
  });

  test('escaped ";" stays inside an ORG component; an encoded one (=3B) too', () => {
    expect(cardOf('VERSION:3.0', 'ORG:华强\\;赛格联合体;采购部')).toMatchObject({ company: '华强;赛格联合体', department: '采购部' });
    expect(cardOf('VERSION:2.1', 'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=8D=8E=E5=BC=BA=3BHQ;=E9=94=80=E5=94=AE')).toMatchObject({
      company: '华强;HQ',
      department: '销售',
    });
  });

  test('2.1 keeps backslashes that are not escapes; 3.0 reads \\n and \\N as line breaks', () => {
    expect(cardOf('VERSION:2.1', 'NOTE:C:\\new\\; D:\\old').notes).toBe('C:\\new; D:\\old');
    expect(cardOf('VERSION:3.0', 'NOTE:第一行\\n第二行\\N第三行').notes).toBe('第一行\n第二行\n第三行');
  });

  test('X- properties are ignored, even with a charset nobody can decode', () => {
    const card = cardOf(
      'VERSION:2.1',
      'X-PHONETIC-FIRST-NAME;CHARSET=X-UNKNOWN;ENCODING=QUOTED-PRINTABLE:=FF=',
      '=FE',
      'item1.X-ABLabel:手机',
      'item1.TEL:13800138000',
      'FN:王强',
    );
    expect(card).toEqual({ person: '王强', mobiles: [], phones: ['13800138000'], faxes: [], emails: [], companyPhones: [], companyEmails: [] });
  });

  test('N with only a family name still wins over FN', () => {
    expect(cardOf('VERSION:3.0', 'FN:王总', 'N:王;;;;').person).toBe('王');
  });
});

describe('parseVCards: errors', () => {
  test('BEGIN without END: the cards before it are read, then "unterminated" at its BEGIN', () => {
    const cards = parseVCards('BEGIN:VCARD\nFN:王强\nEND:VCARD\n\nBEGIN:VCARD\nFN:李娜\n');
    expect(cards.next().value).toMatchObject({ line: 1, card: { person: '王强' } });
    expect(() => cards.next()).toThrow(VCardError);
    expect(failureOf('BEGIN:VCARD\nFN:王强\nEND:VCARD\n\nBEGIN:VCARD\nFN:李娜\n')).toEqual({ line: 5, reason: 'unterminated' });
  });

  test('BEGIN inside a card is "nested" at that line', () => {
    expect(failureOf('BEGIN:VCARD\r\nFN:王强\r\nBEGIN:VCARD\r\nEND:VCARD\r\nEND:VCARD\r\n')).toEqual({ line: 3, reason: 'nested' });
  });

  test.each([
    ['a line without a colon', 'BEGIN:VCARD\nVERSION:3.0\nFN王强\nEND:VCARD', 3],
    ['a line without a name', 'BEGIN:VCARD\nVERSION:3.0\n;TYPE=CELL:13800138000\nEND:VCARD', 3],
    ['an unindented line after a text value', 'BEGIN:VCARD\nNOTE:第一行\n第二行\nEND:VCARD', 3],
    ['text before the first card', '联系人导出\n\nBEGIN:VCARD\nFN:王强\nEND:VCARD', 1],
    ['END with no card open', 'BEGIN:VCARD\nFN:王强\nEND:VCARD\nEND:VCARD', 4],
  ])('%s is "bad_line" with its line', (_, text, line) => {
    expect(failureOf(text)).toEqual({ line, reason: 'bad_line' });
  });

  test.each([
    ['an unknown charset', 'NOTE;CHARSET=X-UNKNOWN;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B='],
    ['bytes that are not UTF-8', 'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=FF=FE='],
  ])('%s is "bad_charset" at the first line of the property', (_, prop) => {
    expect(failureOf(`BEGIN:VCARD\nVERSION:2.1\n${prop}\n=E7=8E=8B\nEND:VCARD`)).toEqual({ line: 3, reason: 'bad_charset' });
  });
});
