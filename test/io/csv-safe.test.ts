import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { restoredCell, safeCell, safeCsv } from '../../src/io/csv-safe.js';

describe('safeCell', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+8675583765432', `'+8675583765432`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('neutralises %j', (value, expected) => {
    expect(safeCell(value)).toBe(expected);
  });

  test.each([['深圳市华强电子有限公司'], ['0755 8376 5432'], ['a=b'], [' =1'], ["'quoted"], ['']])('leaves %j alone', (value) => {
    expect(safeCell(value)).toBe(value);
  });

  test('null, and numbers as they are: a number carries no formula, and a spreadsheet must be able to sum it', () => {
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell(5000000)).toBe('5000000');
    expect(safeCell(-2000)).toBe('-2000');
    expect(safeCell(-33.3)).toBe('-33.3');
    // The same characters as text are still neutralised; so is a number that is not one.
    expect(safeCell('-2000')).toBe("'-2000");
    expect(safeCell(-Infinity)).toBe("'-Infinity");
  });
});

describe('safeCsv', () => {
  test('BOM, CRLF, quoting, and every cell neutralised (header included)', () => {
    const text = safeCsv(['name', '=x'], [['华强, "电子"', '=1+1'], [null, 'ok']]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFname,\'=x\r\n"华强, ""电子""",\'=1+1\r\n,ok\r\n');
    expect(parse(text.slice(1))).toEqual([['name', "'=x"], ['华强, "电子"', "'=1+1"], ['', 'ok']]);
  });

  test('a loss stays a number beside neutralised text', () => {
    expect(safeCsv(['item', 'profit'], [['-退货', -1000]])).toBe("\uFEFFitem,profit\r\n'-退货,-1000\r\n");
  });
});

describe('restoredCell', () => {
  test.each(['=1+1', '+86 138', '-退货', '@SUM(A1)', '\tx', '\rx'])('takes back the quote safeCell put before %j', (text) => {
    expect(safeCell(text)).not.toBe(text);
    expect(restoredCell(safeCell(text))).toBe(text);
  });

  test.each(["'hello", "'", "''=x", '华强电子', ''])('leaves %j as it is', (text) => {
    expect(restoredCell(text)).toBe(text);
  });
});
