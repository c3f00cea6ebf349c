import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { renderReportCsv } from '../../src/io/report-csv.js';
import { HOSTILE, sampleReport } from '../support/report-sample.js';

const files = (lang: 'zh' | 'en') => new Map(renderReportCsv(sampleReport(), translator(lang), lang).map((f) => [f.name, f.text]));

describe('the monthly report as CSV files', () => {
  test('one file per section, named after the month and the section, empty sections included', () => {
    expect([...files('en').keys()]).toEqual([
      '2026-10-revenue_by_grade.csv',
      '2026-10-revenue_by_business_line.csv',
      '2026-10-revenue_by_region.csv',
      '2026-10-profit_by_grade.csv',
      '2026-10-customers.csv',
      '2026-10-customers_by_status.csv',
      '2026-10-customers_by_grade.csv',
      '2026-10-churned.csv',
      '2026-10-grade_changes.csv',
      '2026-10-receivables.csv',
      '2026-10-receivables_by_rep.csv',
      '2026-10-receivables_by_customer.csv',
      '2026-10-visits.csv',
      '2026-10-visits_by_rep.csv',
      '2026-10-visits_short.csv',
      '2026-10-visits_unapproved.csv',
      '2026-10-contracts_missing.csv',
      '2026-10-credit_distribution.csv',
      '2026-10-credit_downgraded.csv',
      '2026-10-data_quality.csv',
      '2026-10-data_quality_ab_few_staff.csv',
    ]);
    expect(files('en').get('2026-10-grade_changes.csv')).toBe('\uFEFFID,Name,Owner,Date,From,To\r\n');
  });

  test('a composition, exactly: BOM, unit in the header, raw numbers (negative ones too), the total row, CRLF', () => {
    expect(files('en').get('2026-10-revenue_by_grade.csv')).toBe(
      '\uFEFFItem,This month (CNY),Share (%),Previous month (CNY),Previous share (%),Change (CNY),Change %\r\n' +
        'B,30000,75,0,0,30000,\r\n' +
        'A,10000,25,8000,80,2000,25\r\n' +
        'none,0,0,2000,20,-2000,-100\r\n' +
        'Total,40000,100,10000,100,30000,300\r\n',
    );
  });

  test("in Chinese: the policy's terms in the header, 未填 for the ungraded; no 万 and no separators", () => {
    const text = files('zh').get('2026-10-revenue_by_grade.csv')!;
    const [head, , , none, total] = parse(text.slice(1)) as string[][];
    expect(head).toEqual(['项目', '本月金额（元）', '占比（%）', '上月金额（元）', '上月占比（%）', '变化（元）', '变化率（%）']);
    expect(none).toEqual(['未填', '0', '0', '2000', '20', '-2000', '-100']);
    expect(total).toEqual(['合计', '40000', '100', '10000', '100', '30000', '300']);
    expect(files('zh').get('2026-10-receivables.csv')).toContain('本月到期,6000,0,6000\r\n');
  });

  test('text cells a spreadsheet would run are neutralised; hostile names stay intact as quoted text', () => {
    const all = files('en');
    expect(all.get('2026-10-revenue_by_business_line.csv')).toContain("\r\n'=软件,40000,100,");
    const churned = parse(all.get('2026-10-churned.csv')!.slice(1)) as string[][];
    expect(churned[1]).toEqual(['C000003', HOSTILE, '(no owner)', '2026-10-18', "'@价格太高"]);
    // A loss is a number Excel can sum, not text.
    expect(all.get('2026-10-profit_by_grade.csv')).toContain('\r\nC,-1000,-33.3,0,0,-1000,\r\n');
  });
});
