import readXlsx from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import { reportWorkbook } from '../../src/io/report-xlsx.js';
import type { ReportLayout } from '../../src/io/report-sections.js';
import { sheetNames } from '../../src/io/xlsx.js';
import { translator } from '../../src/i18n/translate.js';

describe('sheet names', () => {
  test('within Excel\'s 31 characters; a shortened one ends in … so the tab shows it is cut', () => {
    expect(sheetNames(['Receivables (older than 90 days are overdue)', '按状态'])).toEqual(['Receivables (older than 90 day…', '按状态']);
    expect([...sheetNames(['x'.repeat(40)])[0]!]).toHaveLength(31);
  });

  test('unique without case, and still within 31 characters when numbered', () => {
    const names = sheetNames(['A B customers without a contract', 'A B customers without a contract signed', 'Sheet', 'sheet', 'a/b?']);
    expect(names).toEqual(['A B customers without a contra…', 'A B customers without a co… (2)', 'Sheet', 'sheet (2)', 'a b']);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(31);
  });
});

describe('report workbook', () => {
  test('a section title too long for its tab is given whole on the first sheet, beside the tab\'s name', async () => {
    const long = 'Customers below their minimum visits this month';
    const layout = {
      title: ['Visits 2026-11', 'against the minimums'],
      sections: [
        { title: 'Visits', columns: [{ label: 'Rep', kind: 'text' }, { label: 'Done', kind: 'count' }], rows: [['lina', 3]] },
        { title: long, columns: [{ label: 'ID', kind: 'text' }], rows: [['C000001']] },
      ],
    } as unknown as ReportLayout;
    const book = await readXlsx(Buffer.from(await reportWorkbook(layout, translator('en'))));
    expect(book.map((s) => s.sheet)).toEqual(['About', 'Visits', 'Customers below their minimum…']);
    expect(book[0]!.data).toEqual([['Visits 2026-11', null], ['against the minimums', null], [null, null], ['Customers below their minimum…', long]]);
    expect(book[1]!.data).toEqual([['Rep', 'Done'], ['lina', 3]]);
  });
});
