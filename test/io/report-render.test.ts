import { describe, expect, test } from 'vitest';
import type { MonthlyReport } from '../../src/domain/report.js';
import { translator, type Lang } from '../../src/i18n/translate.js';
import { renderReportCsv } from '../../src/io/report-csv.js';
import { renderReportHtml } from '../../src/io/report-html.js';
import { renderReportMarkdown, renderReportTable } from '../../src/io/report-render.js';
import { LISTED_ROWS, monthlyLayout, receivablesLayout, shortened } from '../../src/io/report-sections.js';
import { sampleReport } from '../support/report-sample.js';

/** Tables as tab-separated lines, as the terminal draws them without a TTY. */
const tabs = (head: string[], rows: string[][]) => [head, ...rows].map((r) => r.join('\t')).join('\n');
const layout = (lang: Lang, r: MonthlyReport = sampleReport()) => monthlyLayout(r, translator(lang), lang);
const table = (lang: Lang) => renderReportTable(layout(lang), translator(lang), lang, tabs);
const markdown = (lang: Lang, r: MonthlyReport = sampleReport()) => renderReportMarkdown(layout(lang, r), translator(lang), lang);

describe('the monthly report as tables and Markdown', () => {
  test('one layout for every format: the sections of the tables, the Markdown, the HTML page and the CSV files, in one order', () => {
    const sections = layout('en').sections;
    expect(sections).toHaveLength(21);
    expect(table('en').split('\n').slice(0, 4)).toEqual(['Monthly customer analysis 2026-10 (against 2026-09)', 'Receivables, contracts and credit as of 2026-10-31', '', '收入构成 Revenue by grade']);
    expect([...markdown('en').matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(sections.map((s) => s.title));
    const html = renderReportHtml(sampleReport(), translator('en'), 'en', LISTED_ROWS);
    expect([...html.matchAll(/<section id="([^"]+)"><h2>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]])).toEqual(sections.map((s) => [s.id, s.title]));
    expect(renderReportCsv(sampleReport(), translator('en'), 'en').map((f) => f.name)).toEqual(sections.map((s) => `2026-10-${s.id}.csv`));
  });

  test('figures as people read them: money per language (万 under zh), changes signed, shares to one decimal, — for no share', () => {
    const en = table('en');
    for (const line of ['B\t30,000.00\t75.0%\t0.00\t0.0%\t+30,000.00\t—', 'none\t0.00\t0.0%\t2,000.00\t20.0%\t-2,000.00\t-100.0%', 'Visits done\t5\t4\t+1']) {
      expect(en).toContain(`\n${line}\n`);
    }
    expect(en).toContain('\nGrade changes\n(none)\n');
    const zh = table('zh');
    expect(zh).toContain('\n合计\t4万\t100.0%\t1万\t100.0%\t+3万\t300.0%\n');
    // An empty composition keeps its total row; its shares are none of nothing.
    expect(zh).toContain('地区构成（按地区）\n项目\t本月金额\t占比\t上月金额\t上月占比\t变化\t变化率\n合计\t0.00\t—\t0.00\t—\t0.00\t—\n');
  });

  test("a customer status in the policy's term in the reader's language, in every format for people", () => {
    expect(table('zh')).toContain('按状态\n状态\t数量\n流失客户\t1\n已合作\t2\n合计\t3\n');
    expect(table('zh')).toContain('\nC000002\t中兴贸易\tlina\t已合作\tA\t2\t1\n');
    expect(markdown('en')).toContain('| C000002 | 中兴贸易 | lina | cooperating (signed) | A | 2 | 1 |');
    expect(renderReportHtml(sampleReport(), translator('zh'), 'zh', LISTED_ROWS)).toContain('<tbody><tr><td>流失客户</td><td class="num">1</td></tr><tr><td>已合作</td>');
    const csv = new Map(renderReportCsv(sampleReport(), translator('zh'), 'zh').map((f) => [f.name, f.text]));
    expect(csv.get('2026-10-customers_by_status.csv')).toBe('\uFEFF状态,数量\r\n流失客户,1\r\n已合作,2\r\n合计,3\r\n');
    expect(csv.get('2026-10-visits_short.csv')).toContain('\r\nC000002,中兴贸易,lina,已合作,A,2,1\r\n');
  });

  test('Markdown: a pipe or a line break in a name cannot break the table', () => {
    const r = sampleReport();
    r.customers.churned.customers[0]!.name = '华强|电子\n分厂\\';
    expect(markdown('en', r)).toContain('| C000003 | 华强\\|电子 分厂\\\\ | (no owner) | 2026-10-18 | @价格太高 |');
  });

  test('a name with control characters cannot drive the terminal or break a line, in any format', () => {
    const r = sampleReport();
    r.customers.churned.customers[0]!.name = '\x1b[2J\x1b[31m华强\x07\t电子\r\n分厂\x9b';
    const shown = '\uFFFD[2J\uFFFD[31m华强\uFFFD 电子 分厂\uFFFD';
    const drawn = renderReportTable(layout('en', r), translator('en'), 'en', tabs);
    expect(drawn).toContain(`\nC000003\t${shown}\t(no owner)\t2026-10-18\t@价格太高\n`);
    for (const text of [drawn, markdown('en', r), renderReportHtml(r, translator('en'), 'en', LISTED_ROWS)]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(markdown('en', r)).toContain(`| C000003 | ${shown.replace(/\[/g, '\\[')} |`);
  });

  test('Markdown for mail: a name cannot turn into HTML, a link or code when the mail is rendered', () => {
    const r = sampleReport();
    r.customers.churned.customers[0]!.name = '<img src=x onerror=alert(1)>[点我](http://evil.example) `x`';
    expect(markdown('en', r)).toContain('| C000003 | \\<img src=x onerror=alert(1)\\>\\[点我\\](http://evil.example) \\`x\\` | (no owner) |');
  });
});

describe('a one-table report', () => {
  const layout = {
    title: ['Files by kind (as of 2026-11-23)'],
    sections: [{ id: 'kinds', title: 'Files by kind (as of 2026-11-23)', columns: [{ label: 'Kind', kind: 'text' as const }, { label: 'Files', kind: 'count' as const }], rows: [['customer', 2]], total: false, listed: false }],
  };
  const t = translator('en');
  const plain = (head: string[], rows: string[][]) => [head, ...rows].map((r) => r.join('\t')).join('\n');

  test('says its title once, in a table and in Markdown', () => {
    const table = renderReportTable(layout, t, 'en', plain);
    expect(table).toBe('Files by kind (as of 2026-11-23)\n\nKind\tFiles\ncustomer\t2\n');
    const md = renderReportMarkdown(layout, t, 'en');
    expect(md.match(/Files by kind/g)).toHaveLength(1);
    expect(md).toBe('# Files by kind (as of 2026-11-23)\n\n| Kind | Files |\n| --- | --- |\n| customer | 2 |\n');
  });
});

describe('long lists of files in the human formats', () => {
  const t = translator('en');
  /** 40 customers owing 1 … 40 thousand, in id order (smallest debt first). */
  const owing = Array.from({ length: 40 }, (_, i) => ({
    id: `C${String(i + 1).padStart(6, '0')}`,
    name: `客户${i + 1}`,
    owner: 'zhangwei',
    due_this_month: 0,
    overdue: (i + 1) * 1000,
    over_aging: 0,
  }));
  const total = { due_this_month: 0, overdue: owing.reduce((a, x) => a + x.overdue, 0), over_aging: 0 };
  const report = { as_of: '2026-11-15', aging_days: 90, totals: total, by_rep: [{ rep: 'zhangwei', ...total }], by_customer: owing };
  const byCustomer = (layout: ReturnType<typeof receivablesLayout>) => layout.sections.find((s) => s.id === 'receivables_by_customer')!;

  test('who owes is listed largest debt first, in every format that lays it out (CSV too)', () => {
    const rows = byCustomer(receivablesLayout(report, t, 'en')).rows;
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual(['C000040', 'C000039', 'C000038']);
    expect(rows.at(-1)![0]).toBe('Total');
  });

  test('a list longer than LISTED_ROWS keeps its first rows and its total, and says how many it leaves out', () => {
    const layout = shortened(receivablesLayout(report, t, 'en'), LISTED_ROWS);
    const s = byCustomer(layout);
    expect(s.rows).toHaveLength(LISTED_ROWS + 1);
    expect(s.rows.at(-1)).toEqual(['Total', '', '', 0, total.overdue, 0]);
    expect(s.more).toBe(40 - LISTED_ROWS);
    // A section of reps is never cut, however long.
    expect(shortened(receivablesLayout(report, t, 'en'), 0).sections[0]!.rows).toHaveLength(2);
    const plain = (head: string[], rows: string[][]) => [head, ...rows].map((r) => r.join('\t')).join('\n');
    const table = renderReportTable(layout, t, 'en', plain);
    expect(table).toContain(`… and ${40 - LISTED_ROWS} more files not listed: every one is in --format csv or json, or add --all-rows.`);
    expect(table).not.toContain('客户1\t');
    expect(renderReportMarkdown(shortened(receivablesLayout(report, translator('zh'), 'zh'), LISTED_ROWS), translator('zh'), 'zh')).toContain(`……另有 ${40 - LISTED_ROWS} 家未列出`);
    // Whole, nothing is said.
    expect(renderReportTable(shortened(receivablesLayout(report, t, 'en'), Infinity), t, 'en', plain)).not.toContain('not listed');
  });

  test('the HTML page shortens the lists; the CSV files keep every row', () => {
    const r = sampleReport();
    const monthly = { ...r, receivables: { ...r.receivables, by_customer: owing } };
    const html = renderReportHtml(monthly, t, 'en', LISTED_ROWS);
    expect(html).toContain(`… and ${40 - LISTED_ROWS} more files not listed`);
    expect(html).not.toContain('<td>C000001</td>');
    expect(renderReportHtml(monthly, t, 'en', Infinity)).toContain('<td>C000001</td>');
    const csv = renderReportCsv(monthly, t, 'en').find((f) => f.name.includes('receivables_by_customer'))!;
    expect(csv.text.trim().split('\n')).toHaveLength(1 + 40);
  });
});
