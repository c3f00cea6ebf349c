import { describe, expect, test } from 'vitest';
import { emailKey, parseEmail } from '../../src/domain/email.js';

describe('parseEmail accepts', () => {
  test.each([
    ['li.na@huaqiang.com', 'li.na@huaqiang.com'],
    ['Li.Na@HuaQiang.COM', 'Li.Na@HuaQiang.COM'],
    ['sales+cn@huaqiang.com.cn', 'sales+cn@huaqiang.com.cn'],
    ['o\'brien@example.ie', 'o\'brien@example.ie'],
    ['info@hua-qiang.cn', 'info@hua-qiang.cn'],
    ['a_b-c@mail.sz.gov.cn', 'a_b-c@mail.sz.gov.cn'],
    ['12345@qq.com', '12345@qq.com'],
    ['  li.na@huaqiang.com  ', 'li.na@huaqiang.com'],
    ['li.na＠huaqiang.com', 'li.na@huaqiang.com'],
    ['ｌｉ．ｎａ＠ｈｕａｑｉａｎｇ．ｃｏｍ', 'li.na@huaqiang.com'],
  ])('%j → %s', (input, stored) => {
    expect(parseEmail(input)).toBe(stored);
  });
});

describe('parseEmail rejects', () => {
  test.each([
    ['no @', 'li.na.huaqiang.com'],
    ['two @', 'li@na@huaqiang.com'],
    ['nothing before @', '@huaqiang.com'],
    ['nothing after @', 'li.na@'],
    ['a space in the local part', 'li na@huaqiang.com'],
    ['a space in the domain', 'li.na@hua qiang.com'],
    ['a double dot in the local part', 'li..na@huaqiang.com'],
    ['a double dot in the domain', 'li.na@huaqiang..com'],
    ['a leading dot in the local part', '.lina@huaqiang.com'],
    ['a dot just before @', 'lina.@huaqiang.com'],
    ['no top-level domain', 'li.na@localhost'],
    ['a one-letter top-level domain', 'li.na@huaqiang.c'],
    ['a numeric top-level domain', 'li.na@10.0.0.1'],
    ['a trailing dot', 'li.na@huaqiang.com.'],
    ['a domain label starting with a dash', 'li.na@-huaqiang.com'],
    ['Chinese characters', '李娜@华强.中国'],
    ['empty', ''],
    ['only spaces', '   '],
    ['too long', 'a'.repeat(250) + '@x.com'],
  ])('%s: %j', (_what, input) => {
    expect(parseEmail(input)).toBeNull();
  });
});

describe('emailKey: addresses are compared ignoring case', () => {
  test.each([
    ['Li.Na@HuaQiang.COM', 'li.na@huaqiang.com'],
    ['li.na@huaqiang.com', 'li.na@huaqiang.com'],
    ['SALES@QQ.COM', 'sales@qq.com'],
  ])('%s → %s', (email, key) => {
    expect(emailKey(email)).toBe(key);
  });

  test('two spellings of one address have the same key', () => {
    expect(emailKey(parseEmail('Li.Na＠HuaQiang.com')!)).toBe(emailKey(parseEmail('li.na@huaqiang.COM')!));
  });
});
