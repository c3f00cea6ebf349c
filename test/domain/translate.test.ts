// Message templates: parameters filled in, and English counted wording chosen by the number.
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/translate.js';

const en = translator('en');
const zh = translator('zh');

test('one and any other number read as English says them', () => {
  expect(en('export.written', { n: 1, path: 'a.csv' })).toBe('Exported 1 customer to a.csv.');
  expect(en('export.written', { n: 0, path: 'a.csv' })).toBe('Exported 0 customers to a.csv.');
  expect(en('export.written', { n: 12, path: 'a.csv' })).toBe('Exported 12 customers to a.csv.');
  expect(en('import.rejected_to_file', { n: 1, file: 'x.csv' })).toMatch(/^1 row was rejected .* fix it there/);
  expect(en('import.rejected_to_file', { n: 3, file: 'x.csv' })).toMatch(/^3 rows were rejected .* fix them there/);
});

test('Chinese needs no counted wording; a parameter not given stays as written', () => {
  expect(zh('export.written', { n: 1, path: 'a.csv' })).toBe('已导出 1 个客户到 a.csv。');
  expect(en('export.written', { n: 2 })).toBe('Exported 2 customers to {path}.');
});
