// End to end: the built binary writes the monthly report as HTML, and headless Chromium renders
// it: the DOM has the charts with bars of positive width and none of the hostile markup, the
// printed PDF has A4 pages, and the screenshot shows the bars' colours.
// Chromium is the Debian package (/usr/bin/chromium). Without it the test skips, unless
// CRM_REQUIRE_CHROMIUM=1 (CI), where it fails.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { COLORS } from '../../src/io/svg-chart.js';
import { crm } from '../support/run.js';

const CHROMIUM = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';
const BIN = new URL('../../bin/crm.js', import.meta.url).pathname;
const ME = userInfo().username;
const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

/** Skips (or, with CRM_REQUIRE_CHROMIUM=1, fails) when Chromium is not installed. */
function needChromium(ctx: TestContext): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CRM_REQUIRE_CHROMIUM === '1') throw new Error(`CRM_REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing: apt-get install -y chromium`);
  ctx.skip(`${CHROMIUM} is missing (apt-get install -y chromium); CRM_REQUIRE_CHROMIUM=1 makes this a failure`);
}

let dir = '';
let page = '';

/** Chromium headless with no network and a fresh profile, as root can run it. */
function chromium(...args: string[]): string {
  const profile = mkdtempSync(join(dir, 'profile-'));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
  const r = spawnSync(CHROMIUM, [...flags, ...args, `file://${page}`], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function seed(db: string): Promise<void> {
  const must = async (argv: string[]) => {
    const r = await crm(db, argv, { login: ME });
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  };
  await must(['init']);
  await must(['staff', 'add', 'zhangwei', '--name', '张伟', '--role', 'rep', '--region', '华南']);
  await must(['staff', 'add', 'lina', '--name', '李娜', '--role', 'rep', '--region', '华东']);
  await must(['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A']);
  await must(['add', '--name', HOSTILE, '--owner', 'lina', '--region', '华东', '--grade', 'B']);
  const sql = new Database(db);
  try {
    sql.prepare("UPDATE customers SET status = 'cooperating'").run();
    const deal = sql.prepare(
      "INSERT INTO deals (customer_id, deal_date, amount, profit, business_line, region, due_date, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, '2026-01-01')",
    );
    deal.run(1, '2026-10-03', 120000, 30000, '软件', '华南', '2026-10-25');
    deal.run(2, '2026-10-15', 80000, 12000, '硬件', '华东', '2026-10-31');
    deal.run(2, '2026-09-05', 50000, 9000, '软件', '华东', '2026-09-20');
    deal.run(1, '2026-06-01', 20000, 4000, '硬件', '华南', '2026-06-15');
    const visit = sql.prepare(
      "INSERT INTO visits (customer_id, rep_id, visited_on, status_then, approved_by, approved_on, staff_id, created_at) VALUES (?, ?, ?, 'cooperating', NULL, NULL, ?, '2026-01-01')",
    );
    visit.run(1, 2, '2026-10-08', 2);
    visit.run(1, 2, '2026-10-20', 2);
    visit.run(2, 3, '2026-10-12', 3);
  } finally {
    sql.close();
  }
}

/** The RGB pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes). */
function pngPixels(png: Buffer): { width: number; height: number; channels: number; data: Buffer } {
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('unexpected PNG layout');
      channels = body[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter]!;
      data[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predicted) & 255;
    }
  }
  return { width, height, channels, data };
}

describe('the HTML monthly report in headless Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-e2e-html-'));
    page = join(dir, '月报 2026-10.html');
    const db = join(dir, 'crm.db');
    await seed(db);
    const r = spawnSync(process.execPath, [BIN, 'report', 'monthly', '--month', '2026-10', '--out', page], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'zh_CN.UTF-8', CRM_DB: db },
    });
    if (r.status !== 0) throw new Error(`crm report monthly exited ${r.status}: ${r.stderr}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the rendered DOM has every chart, with bars of positive width, and no injected element', (ctx) => {
    needChromium(ctx);
    const dom = chromium('--dump-dom');
    expect(dom).toContain('<html lang="zh-CN">');
    const charts = [...dom.matchAll(/<section id="([^"]+)"><h2>[^<]*<\/h2><svg class="chart"(.*?)<\/svg>/gs)];
    expect(charts.map((m) => m[1])).toEqual(['revenue_by_grade', 'revenue_by_business_line', 'revenue_by_region', 'profit_by_grade', 'receivables', 'visits_by_rep']);
    for (const [, id, svg] of charts) {
      const widths = [...svg!.matchAll(/<rect class="(?:bar|segment)[^"]*" x="[^"]*" y="[^"]*" width="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(widths.filter((w) => w > 0).length, id).toBeGreaterThan(0);
    }
    // The hostile name is text in the table and nothing else.
    expect(dom).not.toMatch(/<(script|img)\b/);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  test('printed to PDF: A4 pages', (ctx) => {
    needChromium(ctx);
    const pdf = join(dir, 'report.pdf');
    chromium('--no-pdf-header-footer', `--print-to-pdf=${pdf}`);
    const text = readFileSync(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    // A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1.5);
    }
  });

  test('a screenshot shows the bars: pixels of each chart colour', (ctx) => {
    needChromium(ctx);
    const png = join(dir, 'report.png');
    chromium('--hide-scrollbars', '--window-size=1000,2600', `--screenshot=${png}`);
    const { width, height, channels, data } = pngPixels(readFileSync(png));
    expect([width, height]).toEqual([1000, 2600]);
    const count = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += channels) if (Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) n++;
      return n;
    };
    // This month's bars, last month's, the overdue and over-limit segments, visits met and short.
    for (const color of [COLORS.now, COLORS.previous, COLORS.short, COLORS.negative, COLORS.met]) expect(count(color), color).toBeGreaterThan(300);
  });
});
