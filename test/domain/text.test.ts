import { describe, expect, test } from 'vitest';
import { blankToNull, closeHanSpaces, hasHan, tidy, toHalfWidth } from '../../src/domain/text.js';

describe('toHalfWidth', () => {
  test.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['ａｂｃ', 'abc'],
    ['（深圳）', '(深圳)'],
    ['＋８６', '+86'],
    ['li＠qq．com', 'li@qq.com'],
    ['a\u3000b', 'a b'],
    ['华强电子', '华强电子'],
    ['ABC 123', 'ABC 123'],
  ])('%j → %j', (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });
});

describe('closeHanSpaces', () => {
  test.each([
    ['张 伟', '张伟'],
    ['欧阳\u3000 娜娜', '欧阳娜娜'],
    ['王  小 明', '王小明'],
    ['Zhang Wei', 'Zhang Wei'],
    ['张伟 David', '张伟 David'],
  ])('%j → %j', (input, output) => {
    expect(closeHanSpaces(input)).toBe(output);
  });
});

describe('tidy', () => {
  test.each([
    ['  a  ', 'a'],
    ['a   b', 'a b'],
    ['a\t\nb', 'a b'],
    ['\u3000华强\u3000\u3000电子\u3000', '华强 电子'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, output) => {
    expect(tidy(input)).toBe(output);
  });
});

describe('blankToNull', () => {
  test.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
    ['\u3000', null],
    [' 华强 ', '华强'],
    ['a  b', 'a b'],
  ])('%j → %j', (input, output) => {
    expect(blankToNull(input)).toBe(output);
  });
});

describe('hasHan', () => {
  test.each([
    ['华强', true],
    ['TCL华星', true],
    ['有限責任公司', true],
    ['ACME', false],
    ['１２３', false],
    ['（）', false],
    ['', false],
    ['한국', false],
    ['カタカナ', false],
  ])('%j → %s', (input, has) => {
    expect(hasHan(input)).toBe(has);
  });
});
