import writeExcelFile from 'write-excel-file/node';
import { describe, expect, test } from 'vitest';
import { fillMerged, mergedRanges, parseRange } from '../../src/io/merged-cells.js';

describe('merged cells of a workbook', () => {
  test('a range as Excel writes it, 0-based: B3:B4, a single cell, columns past Z, backwards', () => {
    expect(parseRange('B3:B4')).toEqual({ top: 2, left: 1, bottom: 3, right: 1 });
    expect(parseRange('C7')).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(parseRange('$AA$10:AB12')).toEqual({ top: 9, left: 26, bottom: 11, right: 27 });
    expect(parseRange('D5:B2')).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange('nonsense')).toBeNull();
  });

  test('every cell of a range reads the top-left value; an empty range and rows past the end change nothing', () => {
    const rows: (string | null)[][] = [
      ['公司', '姓名'],
      ['华强电子', '王强'],
      [null, '李娜'],
      [null, null],
    ];
    fillMerged(rows, [parseRange('A2:A3')!, parseRange('B4:B9')!, parseRange('A2:B2')!]);
    expect(rows).toEqual([
      ['公司', '姓名'],
      ['华强电子', '华强电子'],
      ['华强电子', '李娜'],
      [null, null],
    ]);
  });

  test("the ranges of the sheet asked for, found by its name (escaped in the workbook's XML)", async () => {
    const sheets = [
      { sheet: '说明', data: [[{ value: '不是这张', columnSpan: 2 }, null]] },
      { sheet: 'R&D 名片', data: [['公司', '姓名'], [{ value: '华强电子', rowSpan: 2 }, '王强'], [null, '李娜']] },
    ];
    const bytes = new Uint8Array(await writeExcelFile(sheets as never).toBuffer());
    expect(mergedRanges(bytes, 'R&D 名片')).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(mergedRanges(bytes, '说明')).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(mergedRanges(bytes, '没有这张')).toEqual([]);
  });
});
