import { describe, expect, test } from 'vitest';
import { foldForSearch, SEARCH_SEPARATOR } from '../../src/domain/search-query.js';
import { buildSearchText, type SearchableCustomer } from '../../src/domain/search-text.js';

function customer(partial: Partial<SearchableCustomer> & { name: string }): SearchableCustomer {
  return { phones: [], emails: [], contactNames: [], ...partial };
}

function parts(c: SearchableCustomer): string[] {
  return buildSearchText(c).split(SEARCH_SEPARATOR);
}

/** What `list --search` does with a query: fold it and look for it in the stored text. */
function finds(c: SearchableCustomer, query: string): boolean {
  return buildSearchText(c).includes(foldForSearch(query));
}

const HUAQIANG = customer({
  name: '深圳市华强电子有限公司',
  phones: ['+8675583765432;ext=801', null, '13800138000'],
  emails: ['Info@HuaQiang.COM', null],
  contactNames: ['李娜', '单雄信', 'John Smith'],
});

describe('buildSearchText: the parts', () => {
  test('a company name: folded, full pinyin and initials', () => {
    expect(parts(customer({ name: '华强电子' }))).toEqual(['华强电子', 'huaqiangdianzi', 'hqdz']);
  });

  test.each([
    ['深圳市华强电子有限公司'],
    ['shenzhenshihuaqiangdianziyouxiangongsi'],
    ['szshqdzyxgs'],
    ['李娜'],
    ['lina'],
    ['ln'],
    // A surname is read as a surname: 单 is shan here, not dan.
    ['单雄信'],
    ['shanxiongxin'],
    ['sxx'],
    ['johnsmith'],
    ['075583765432'],
    ['13800138000'],
    ['infohuaqiangcom'],
  ])('contains the part %s', (part) => {
    expect(parts(HUAQIANG)).toContain(part);
  });

  test('names without Chinese characters get no pinyin', () => {
    expect(parts(customer({ name: 'ＡＣＭＥ Trading Co.', contactNames: ['Mary Lee'] }))).toEqual(['acmetradingco', 'marylee']);
  });

  test('missing phones and e-mails leave no empty parts', () => {
    const text = buildSearchText(customer({ name: 'ACME', phones: [null, null], emails: [null] }));
    expect(text).toBe('acme');
  });

  test('no part is empty, none holds the separator, none repeats', () => {
    const list = parts(customer({ name: '华强电子', contactNames: ['华强电子', '李娜', '李娜'], emails: ['x@y.cn', 'X@Y.CN'] }));
    expect(list.every((p) => p !== '')).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    expect(list.filter((p) => p === 'lina')).toHaveLength(1);
    expect(list.filter((p) => p === 'xycn')).toHaveLength(1);
  });

  test('a separator in a name is folded away rather than making a new part', () => {
    expect(parts(customer({ name: 'A|B Trading' }))).toEqual(['abtrading']);
  });
});

describe('buildSearchText: what a user types finds the customer', () => {
  test.each([
    '华强',
    '华强电子',
    'ＨＵＡＱＩＡＮＧ',
    'hua qiang',
    'HuaQiang',
    'hqdz',
    'huaqiangdianzi',
    '李娜',
    'li na',
    'sxx',
    'John Smith',
    '138-0013-8000',
    '13800138000',
    '0755-83765432',
    '(0755) 8376 5432',
    '83765432',
    'info@huaqiang.com',
    'INFO@HUAQIANG.COM',
    'huaqiang.com',
  ])('%j', (query) => {
    expect(finds(HUAQIANG, query)).toBe(true);
  });

  test.each(['华为', 'huawei', 'hw', '13900139000', 'wang@huaqiang.com', '王芳'])('but not %j', (query) => {
    expect(finds(HUAQIANG, query)).toBe(false);
  });

  test('a query does not match across two parts', () => {
    // The stored text is 华强|huaqiang|hq: the name is followed by its pinyin, but in another part.
    expect(finds(customer({ name: '华强' }), '华强hua')).toBe(false);
  });
});
