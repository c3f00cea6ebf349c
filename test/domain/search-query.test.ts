import { describe, expect, test } from 'vitest';
import { foldForSearch, foldSearchQuery, SEARCH_SEPARATOR } from '../../src/domain/search-query.js';

describe('foldForSearch', () => {
  test.each([
    ['full-width letters', 'ＨＵＡＱＩＡＮＧ', 'huaqiang'],
    ['upper case', 'HuaQiang', 'huaqiang'],
    ['spaces', 'hua qiang', 'huaqiang'],
    ['ideographic space and tabs', 'hua\u3000qiang\tdz', 'huaqiangdz'],
    ['dashes in a phone number', '138-0013-8000', '13800138000'],
    ['a landline with brackets', '(0755) 8376-5432', '075583765432'],
    ['full-width digits and brackets', '（０７５５）８３７６５４３２', '075583765432'],
    ['e-mail punctuation', 'Li.Na@HuaQiang.COM', 'linahuaqiangcom'],
    ['full-width @', 'li＠qq.com', 'liqqcom'],
    ['Chinese brackets', '华强电子（深圳）有限公司', '华强电子深圳有限公司'],
    ['Chinese punctuation', '华强·电子、深圳。', '华强电子深圳'],
    ['symbols', '¥+&*#', ''],
    ['Chinese text is kept', '华强电子', '华强电子'],
    ['empty', '', ''],
  ])('%s: %j → %j', (_what, input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  test('the separator is folded away, so no query can span two parts', () => {
    expect(SEARCH_SEPARATOR).toHaveLength(1);
    expect(foldForSearch(`abc${SEARCH_SEPARATOR}def`)).toBe('abcdef');
    expect(foldForSearch(SEARCH_SEPARATOR)).toBe('');
  });

  test('folding is idempotent', () => {
    for (const s of ['ＨＵＡ qiang', '138-0013-8000', 'Li.Na@HuaQiang.COM', '华强（深圳）']) {
      expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
    }
  });
});

describe('foldSearchQuery', () => {
  test.each([
    ['a mobile with +86', '+86 138 0013 8000', '13800138000'],
    ['a mobile with 0086 and dashes', '0086-138-0013-8000', '13800138000'],
    ['a mobile with (+86)', '(+86)13800138000', '13800138000'],
    ['a landline with +86 gets its trunk 0', '+86 755 8376 5432', '075583765432'],
    ['a Beijing landline is not a mobile', '+86 10 6552 9988', '01065529988'],
    ['a 400 number', '+86 400-820-8820', '04008208820'],
    ['full-width +86', '＋８６ １３８００１３８０００', '13800138000'],
    ['a number without +86 is folded as usual', '138-0013-8000', '13800138000'],
    ['text with 86 in it is folded as usual', 'hq86', 'hq86'],
  ])('%s: %j → %j', (_what, input, folded) => {
    expect(foldSearchQuery(input)).toBe(folded);
  });
});
