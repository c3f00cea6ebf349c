import { afterEach, describe, expect, test } from 'vitest';
import { isoDate, localTimestamp, parseBirthday, parseDate } from '../../src/domain/date.js';

describe('parseDate accepts the ways dates are written in China', () => {
  test.each([
    ['2026-03-15', '2026-03-15'],
    ['2026-3-5', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026/03/15', '2026-03-15'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['2026年12月31', '2026-12-31'],
    ['20260315', '2026-03-15'],
    ['２０２６－０３－１５', '2026-03-15'],
    ['２０２６年３月５日', '2026-03-05'],
    [' 2026 - 03 - 15 ', '2026-03-15'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1800-01-01', '1800-01-01'],
    ['2026-12-31', '2026-12-31'],
    ['2026-04-30', '2026-04-30'],
  ])('%j → %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });
});

describe('parseDate rejects', () => {
  test.each([
    ['February 30th', '2026-02-30'],
    ['February 29th in a common year', '2025-02-29'],
    ['February 29th in a century year not divisible by 400', '1900-02-29'],
    ['April 31st', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-01-00'],
    ['day 32', '2026-01-32'],
    ['a year before 1800', '1799-12-31'],
    ['a year with two digits', '26-03-15'],
    ['an invalid compact date', '20261315'],
    ['seven digits', '2026315'],
    ['mixed separators', '2026/03-15'],
    ['a time attached', '2026-03-15T10:00'],
    ['a month-day only', '03-15'],
    ['words', 'tomorrow'],
    ['garbage', 'abc'],
    ['empty', ''],
  ])('%s: %j', (_what, input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseBirthday', () => {
  test.each([
    ['a full date', '1985-06-01', '1985-06-01'],
    ['a full date in Chinese', '1985年6月1日', '1985-06-01'],
    ['month-day', '03-15', '--03-15'],
    ['month-day without padding', '3-5', '--03-05'],
    ['ISO year-less form', '--03-15', '--03-15'],
    ['Chinese month-day', '3月15日', '--03-15'],
    ['Chinese month-day with 号', '3月15号', '--03-15'],
    ['Chinese month-day without 日', '12月1', '--12-01'],
    ['full-width month-day', '０３－１５', '--03-15'],
    ['February 29th without a year', '02-29', '--02-29'],
    ['February 29th in Chinese', '2月29日', '--02-29'],
    ['December 31st', '12-31', '--12-31'],
  ])('%s: %j → %s', (_what, input, stored) => {
    expect(parseBirthday(input)).toBe(stored);
  });

  test.each([
    ['February 30th', '02-30'],
    ['April 31st', '04-31'],
    ['month 13', '13-01'],
    ['month 0', '00-10'],
    ['day 0', '03-00'],
    ['an invalid full date', '2025-02-29'],
    ['a year-less slash form', '03/15'],
    ['garbage', 'spring'],
    ['empty', ''],
  ])('rejects %s: %j', (_what, input) => {
    expect(parseBirthday(input)).toBeNull();
  });
});

describe('isoDate: the local calendar date', () => {
  test.each([
    [new Date(2026, 2, 5, 0, 0, 0), '2026-03-05'],
    [new Date(2026, 2, 5, 23, 59, 59), '2026-03-05'],
    [new Date(2026, 11, 31, 12, 0, 0), '2026-12-31'],
    [new Date(2024, 1, 29, 8, 30, 0), '2024-02-29'],
    [new Date(1999, 0, 1, 0, 0, 0), '1999-01-01'],
  ])('%s → %s', (d, iso) => {
    expect(isoDate(d)).toBe(iso);
  });
});

describe('localTimestamp', () => {
  const SHAPE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

  test.each([new Date(2026, 10, 23, 20, 48, 26), new Date(2026, 0, 1, 0, 0, 0), new Date(2026, 6, 1, 9, 5, 7)])(
    'in the process time zone: shape, date part and clock time (%s)',
    (d) => {
      const m = SHAPE.exec(localTimestamp(d));
      expect(m).not.toBeNull();
      const [, date, hh, mm, ss] = m!;
      expect(date).toBe(isoDate(d));
      expect([Number(hh), Number(mm), Number(ss)]).toEqual([d.getHours(), d.getMinutes(), d.getSeconds()]);
      // It names the same instant (to the second) when read back.
      expect(Date.parse(localTimestamp(d))).toBe(Math.floor(d.getTime() / 1000) * 1000);
    },
  );

  describe('in a given time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    test.each([
      ['Asia/Shanghai', Date.UTC(2026, 10, 23, 12, 48, 26), '2026-11-23T20:48:26+08:00'],
      // Late evening in UTC is already the next day in Shanghai.
      ['Asia/Shanghai', Date.UTC(2026, 11, 31, 16, 30, 0), '2027-01-01T00:30:00+08:00'],
      ['UTC', Date.UTC(2026, 2, 15, 7, 8, 9), '2026-03-15T07:08:09+00:00'],
      ['America/New_York', Date.UTC(2026, 0, 15, 3, 0, 0), '2026-01-14T22:00:00-05:00'],
      ['Asia/Kolkata', Date.UTC(2026, 2, 15, 0, 0, 0), '2026-03-15T05:30:00+05:30'],
    ])('%s, %i → %s', (zone, epoch, expected) => {
      process.env.TZ = zone;
      const d = new Date(epoch);
      expect(localTimestamp(d)).toBe(expected);
      expect(isoDate(d)).toBe(expected.slice(0, 10));
    });
  });
});
