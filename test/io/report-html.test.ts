import { describe, expect, test } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { renderReportHtml } from '../../src/io/report-html.js';
import { HOSTILE, sampleReport } from '../support/report-sample.js';
import { LISTED_ROWS } from '../../src/io/report-sections.js';

const page = (lang: 'zh' | 'en' = 'en') => renderReportHtml(sampleReport(), translator(lang), lang, LISTED_ROWS);

function section(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}">(.*?)</section>`, 's').exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[1]!;
}

interface Rect {
  x: number;
  width: number;
  fill: string;
  value: number;
}

/** The rects of one class in a section's chart, in order. */
function rects(html: string, id: string, cls: string): Rect[] {
  const found = [...section(html, id).matchAll(/<rect class="([^"]*)" x="([^"]*)" y="[^"]*" width="([^"]*)" height="[^"]*" fill="([^"]*)" data-value="([^"]*)"\/>/g)];
  return found.filter((m) => m[1] === cls).map((m) => ({ x: Number(m[2]), width: Number(m[3]), fill: m[4]!, value: Number(m[5]) }));
}

describe('the monthly report as an HTML page', () => {
  test('composition bars: lengths proportional to the amounts, this month and the previous one on one scale', () => {
    const html = page();
    const now = rects(html, 'revenue_by_grade', 'bar now');
    const previous = rects(html, 'revenue_by_grade', 'bar previous');
    expect(now.map((r) => r.value)).toEqual([30000, 10000, 0]);
    expect(previous.map((r) => r.value)).toEqual([0, 8000, 2000]);
    // The largest value fills the 380-unit plot; the others in proportion.
    expect(now.map((r) => r.width)).toEqual([380, 126.67, 0]);
    expect(previous.map((r) => r.width)).toEqual([0, 101.33, 25.33]);
    for (const r of [...now, ...previous]) expect(r.width).toBeCloseTo((r.value / 30000) * 380, 1);
  });

  test('a loss is drawn left of the zero line, to the same scale', () => {
    const bars = rects(page(), 'profit_by_grade', 'bar now');
    // 4000 and -1000 share 380 units: 76 per 1000, the zero line at 170 + 76.
    expect(bars).toEqual([
      { x: 246, width: 304, fill: '#2563eb', value: 4000 },
      { x: 170, width: 76, fill: '#dc2626', value: -1000 },
    ]);
  });

  test('receivables aging: stacked segments that add up to each row, the total filling the plot', () => {
    const html = page();
    const segments = [0, 1, 2].map((k) => rects(html, 'receivables', `segment part-${k}`));
    // Rows: the total (6000 + 3000 + 1000), zhangwei, and the customers without an owner.
    expect(segments.map((s) => s.map((r) => r.width))).toEqual([
      [228, 228, 0],
      [114, 0, 114],
      [38, 0, 38],
    ]);
    const rowWidth = (i: number) => segments.reduce((a, s) => a + s[i]!.width, 0);
    expect([rowWidth(0), rowWidth(1), rowWidth(2)]).toEqual([380, 228, 152]);
    // Each segment starts where the previous one ends.
    expect(segments[1]![0]!.x).toBe(segments[0]![0]!.x + segments[0]![0]!.width);
    expect(segments[2]![0]!.x).toBe(segments[1]![0]!.x + segments[1]![0]!.width);
  });

  test('visits: done against the minimum per rep, amber when short', () => {
    const html = page();
    expect(rects(html, 'visits_by_rep', 'target').map((r) => [r.value, r.width])).toEqual([
      [4, 380],
      [2, 190],
    ]);
    expect(rects(html, 'visits_by_rep', 'bar done').map((r) => [r.value, r.width, r.fill])).toEqual([
      [1, 95, '#f59e0b'],
      [4, 380, '#16a34a'],
    ]);
  });

  test('no chart where there is nothing to draw; an empty list says so', () => {
    const html = page();
    expect(section(html, 'revenue_by_region')).not.toContain('<svg');
    expect(section(html, 'revenue_by_region')).toContain('<tr class="total"><td>Total</td><td class="num">0.00</td><td class="num">—</td>');
    expect(section(html, 'grade_changes')).toBe('<h2>Grade changes</h2><p class="none">(none)</p>');
  });

  test('hostile names are escaped in tables and charts; the page loads nothing and runs nothing', () => {
    const html = page();
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/https?:|url\(|@import/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src=x onerror=alert(2)&#62;');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  test('money in human form per language, shares to one decimal, total rows marked, lang and charset', () => {
    const en = page('en');
    expect(en).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(section(en, 'revenue_by_grade')).toContain(
      '<tr class="total"><td>Total</td><td class="num">40,000.00</td><td class="num">100.0%</td><td class="num">10,000.00</td><td class="num">100.0%</td><td class="num">+30,000.00</td><td class="num">300.0%</td></tr>',
    );
    // No change in percent from nothing.
    expect(section(en, 'revenue_by_grade')).toContain('<td class="num">+30,000.00</td><td class="num">—</td></tr>');
    const zh = page('zh');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(section(zh, 'revenue_by_grade')).toContain('<tr><td>B</td><td class="num">3万</td><td class="num">75.0%</td>');
    expect(section(zh, 'revenue_by_grade')).toContain('>3万 · 75.0%</text>');
    expect(section(zh, 'receivables')).toContain('<tr><td>已逾期</td><td class="num">3,000.00</td><td class="num">1,000.00</td><td class="num">+2,000.00</td></tr>');
  });

  test('printable on A4: page size, no section split where avoidable', () => {
    const html = page();
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/@media print/);
  });
});
