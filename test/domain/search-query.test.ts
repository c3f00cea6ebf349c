import { describe, expect, test } from 'vitest';
import { foldForSearch, SEARCH_SEPARATOR } from '../../src/domain/search-query.js';

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
