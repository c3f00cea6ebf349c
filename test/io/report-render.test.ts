import { describe, expect, test } from 'vitest';
import type { MonthlyReport } from '../../src/domain/report.js';
import { translator, type Lang } from '../../src/i18n/translate.js';
import { renderReportCsv } from '../../src/io/report-csv.js';
import { renderReportHtml } from '../../src/io/report-html.js';
import { renderReportMarkdown, renderReportTable } from '../../src/io/report-render.js';
import { monthlyLayout } from '../../src/io/report-sections.js';
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
    const html = renderReportHtml(sampleReport(), translator('en'), 'en');
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
    expect(zh).toContain('地区构成(按地区)\n项目\t本月金额\t占比\t上月金额\t上月占比\t变化\t变化率\n合计\t0.00\t—\t0.00\t—\t0.00\t—\n');
  });

  test("a customer status in the policy's term in the reader's language, in every format for people", () => {
    expect(table('zh')).toContain('按状态\n状态\t数量\n流失客户\t1\n已合作\t2\n合计\t3\n');
    expect(table('zh')).toContain('\nC000002\t中兴贸易\tlina\t已合作\tA\t2\t1\n');
    expect(markdown('en')).toContain('| C000002 | 中兴贸易 | lina | cooperating (signed) | A | 2 | 1 |');
    expect(renderReportHtml(sampleReport(), translator('zh'), 'zh')).toContain('<tbody><tr><td>流失客户</td><td class="num">1</td></tr><tr><td>已合作</td>');
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
    for (const text of [drawn, markdown('en', r), renderReportHtml(r, translator('en'), 'en')]) {
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
    sections: [{ id: 'kinds', title: 'Files by kind (as of 2026-11-23)', columns: [{ label: 'Kind', kind: 'text' as const }, { label: 'Files', kind: 'count' as const }], rows: [['customer', 2]], total: false }],
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
