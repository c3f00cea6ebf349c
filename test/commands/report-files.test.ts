import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsx from 'read-excel-file/node';
import { beforeEach, describe, expect, test } from 'vitest';
import type { MonthlyReport } from '../../src/domain/report.js';
import { snapshot } from '../support/db.js';
import { crm, crmOk, json, seededDb, useTempDir } from '../support/run.js';

// FIXED_NOW is 2026-11-23, so the default month is 2026-10.
const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const FORMULA = '=HYPERLINK("http://evil.example","点我")';
const SECTIONS = 21;

function seed(path: string): void {
  const db = new Database(path);
  try {
    db.prepare("UPDATE customers SET status = 'cooperating'").run();
    db.prepare("UPDATE customers SET status = 'churned', churn_reason = '-价格太高' WHERE id = 3").run();
    const deal = db.prepare(
      `INSERT INTO deals (customer_id, deal_date, amount, profit, business_line, region, due_date, staff_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, '2026-01-01T00:00:00+08:00')`,
    );
    deal.run(1, '2026-10-03', 10000, 2000, '软件', '华南', '2026-10-25');
    deal.run(2, '2026-10-15', 30000, 3000, '硬件', '华东', '2026-10-31');
    deal.run(3, '2026-09-05', 8000, -800, '软件', '华南', '2026-09-05');
    const hist = db.prepare(
      "INSERT INTO history (at, staff_id, os_login, command, entity, entity_id, customer_id, field, old_value, new_value) VALUES (?, 1, 'admin', 'test', 'customer', ?, ?, ?, ?, ?)",
    );
    hist.run('2026-10-18T09:00:00+08:00', 3, 3, 'status', 'cooperating', 'churned');
  } finally {
    db.close();
  }
}

describe('crm report monthly --format csv and html', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    for (const argv of [
      ['--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A'],
      ['--name', HOSTILE, '--owner', 'lina', '--region', '华东', '--grade', 'B'],
      ['--name', FORMULA, '--owner', 'zhangwei', '--region', '华南', '--grade', 'C'],
    ])
      await crmOk(db, ['add', ...argv]);
    seed(db);
  });

  test('xlsx: one workbook, a sheet per section after the title sheet; numbers as numbers (shares as fractions shown in %), text as written, every row', async () => {
    const out = join(dir(), '月报.xlsx');
    const r = await crm(db, ['report', 'monthly', '--out', out, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, { files: [out] }]);
    const book = await readXlsx(readFileSync(out));
    expect(book).toHaveLength(1 + SECTIONS);
    expect(book[0]!.sheet).toBe('说明');
    expect(book[0]!.data[0]![0]).toMatch(/2026-10/);
    const sheet = (title: RegExp) => book.find((s) => title.test(s.sheet))!.data;
    // Revenue by grade: B 30,000 and A 10,000 of 40,000 in October; C sold only in September.
    const grades = sheet(/收入构成/);
    expect(grades[0]!.slice(0, 3)).toEqual(['项目', '本月金额', '占比']);
    expect(grades.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['B', 30000, 0.75],
      ['A', 10000, 0.25],
      ['C', 0, 0],
      ['合计', 40000, 1],
    ]);
    // Who owes: every customer, names as written (no formula quote), largest debt first.
    const owing = sheet(/应收.*客户/);
    expect(owing.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['C000002', HOSTILE],
      ['C000001', '华强电子'],
      ['C000003', FORMULA],
    ]);
  });

  const files = (out: string) => readdirSync(out).sort();

  test('csv into a new directory: one file per section, BOM, raw figures, listed on stdout', async () => {
    const out = join(dir(), 'reports', '2026-10');
    const r = await crm(db, ['report', 'monthly', '--month', '2026-10', '--format', 'csv', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(files(out)).toHaveLength(SECTIONS);
    // Every file written, one path a line, in the report's order.
    const listed = r.stdout.trim().split('\n');
    expect([...listed].sort()).toEqual(files(out).map((f) => join(out, f)));
    expect(listed.slice(0, 2)).toEqual([join(out, '2026-10-revenue_by_grade.csv'), join(out, '2026-10-revenue_by_business_line.csv')]);
    for (const f of files(out)) expect(readFileSync(join(out, f), 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(statSync(join(out, '2026-10-revenue_by_grade.csv')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, '2026-10-revenue_by_grade.csv'), 'utf8')).toBe(
      '\uFEFFItem,This month (CNY),Share (%),Previous month (CNY),Previous share (%),Change (CNY),Change %\r\n' +
        'B,30000,75,0,0,30000,\r\n' +
        'A,10000,25,0,0,10000,\r\n' +
        'C,0,0,8000,100,-8000,-100\r\n' +
        'Total,40000,100,8000,100,32000,400\r\n',
    );
    // September's profit is a loss: no shares of a negative total (empty cells), the change against its size.
    expect(readFileSync(join(out, '2026-10-profit_by_grade.csv'), 'utf8')).toContain('\r\nC,0,0,-800,,800,100\r\nTotal,5000,100,-800,,5800,725\r\n');
  });

  test('csv cells: formula-like names and reasons neutralised, hostile text kept whole and quoted', async () => {
    const out = join(dir(), 'oct');
    expect((await crm(db, ['report', 'monthly', '--format', 'csv', '--out', out], { env: { LANG: 'zh_CN.UTF-8' } })).code).toBe(0);
    const rows = (f: string) => parse(readFileSync(join(out, `2026-10-${f}.csv`), 'utf8').slice(1), { relax_column_count: true }) as string[][];
    expect(rows('churned')).toEqual([
      ['编号', '客户名称', '负责人', '日期', '原因'],
      ['C000003', `'${FORMULA}`, 'zhangwei', '2026-10-18', "'-价格太高"],
    ]);
    expect(rows('receivables_by_customer')).toEqual([
      ['编号', '客户名称', '负责人', '本月到期（元）', '已逾期（元）', '超账龄（元）'],
      // Largest debt first.
      ['C000002', HOSTILE, 'lina', '30000', '0', '0'],
      ['C000001', '华强电子', 'zhangwei', '10000', '0', '0'],
      ['C000003', `'${FORMULA}`, 'zhangwei', '0', '8000', '0'],
    ]);
  });

  test("a status in the policy's term in the reader's language (CSV, HTML, table); the JSON document keeps the key", async () => {
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    const out = join(dir(), 'oct');
    expect((await crm(db, ['report', 'monthly', '--format', 'csv', '--out', out], zh)).code).toBe(0);
    expect(readFileSync(join(out, '2026-10-customers_by_status.csv'), 'utf8')).toBe('\uFEFF状态,数量\r\n流失客户,1\r\n已合作,2\r\n合计,3\r\n');
    const html = await crm(db, ['report', 'monthly', '--format', 'html'], zh);
    expect(html.stdout).toContain('<tbody><tr><td>流失客户</td><td class="num">1</td></tr><tr><td>已合作</td><td class="num">2</td></tr>');
    expect((await crm(db, ['report', 'monthly'])).stdout).toContain('\nStatus\tCount\nchurned\t1\ncooperating (signed)\t2\nTotal\t3\n');
    const doc = json<MonthlyReport>(await crm(db, ['report', 'monthly', '--format', 'json'], zh));
    expect(doc.customers.by_status).toEqual([
      { key: 'churned', count: 1 },
      { key: 'cooperating', count: 2 },
    ]);
  });

  test('crm report --help names every report command, in both languages', async () => {
    for (const LANG of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const help = (await crm(db, ['report', '--help'], { env: { LANG } })).stdout;
      const commands = [...help.matchAll(/^ {2}([a-z]+) \[options\]/gm)].map((m) => m[1]!);
      expect(commands).toEqual(['monthly', 'composition', 'receivables', 'visits', 'customers', 'referrals', 'kinds', 'groups']);
      // The description: the paragraph after the usage line.
      const description = help.split('\n\n')[1]!.replace(/\s+/g, ' ');
      for (const c of commands) expect(description, LANG).toContain(c);
    }
  });

  test('format from --out: an existing directory or a name ending in / means csv; --json lists the files', async () => {
    const existing = join(dir(), 'existing');
    mkdirSync(existing);
    const listed = json<{ files: string[] }>(await crm(db, ['report', 'monthly', '--out', existing, '--json']));
    expect(listed.files).toHaveLength(SECTIONS);
    expect(listed.files[3]).toBe(join(existing, '2026-10-profit_by_grade.csv'));
    const slash = join(dir(), 'new-dir') + '/';
    expect((await crm(db, ['report', 'monthly', '--out', slash])).code).toBe(0);
    expect(files(slash)).toHaveLength(SECTIONS);
    // An extension no format goes by is refused (exit 2, nothing written); none at all is a table.
    const pdf = await crm(db, ['report', 'monthly', '--out', join(dir(), '月报.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(/no format goes by that extension/);
    expect(existsSync(join(dir(), '月报.pdf'))).toBe(false);
    expect(await crm(db, ['report', 'monthly', '--out', join(dir(), '月报.pdf'), '--format', 'md'])).toMatchObject({ code: 0 });
    expect((await crm(db, ['report', 'monthly', '--out', join(dir(), 'monthly')])).code).toBe(0);
    expect(readFileSync(join(dir(), 'monthly'), 'utf8')).toMatch(/┌/);
  });

  test('atomic replace: old files are replaced whole; a file that cannot be replaced fails the run (exit 1), leaving the old files and no temporary file', async () => {
    const out = join(dir(), 'oct');
    mkdirSync(out);
    writeFileSync(join(out, '2026-10-customers.csv'), 'old');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect((await crm(db, ['report', 'monthly', '--format', 'csv', '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, '2026-10-customers.csv'), 'utf8')).toMatch(/^\uFEFFItem,This month,Previous month,Change\r\nNew customers,0,0,0\r\nChurned customers,1,0,1\r\n/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');

    const blocked = join(dir(), 'blocked');
    mkdirSync(join(blocked, '2026-10-revenue_by_grade.csv'), { recursive: true });
    writeFileSync(join(blocked, '2026-10-customers.csv'), 'old');
    const r = await crm(db, ['report', 'monthly', '--format', 'csv', '--out', blocked]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`cannot write ${join(blocked, '2026-10-revenue_by_grade.csv')}: it is a directory. Give a file name.`);
    expect(r.stderr).not.toMatch(/\.tmp|EISDIR/);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(blocked, '2026-10-customers.csv'), 'utf8')).toBe('old');
    expect(files(blocked)).toEqual(['2026-10-customers.csv', '2026-10-revenue_by_grade.csv']);
  });

  test('refusals (exit 2, one line, nothing written): csv without --out, --out naming a file, --json against another format', async () => {
    const before = snapshot(db);
    const noOut = await crm(db, ['report', 'monthly', '--format', 'csv']);
    expect(noOut).toMatchObject({ code: 2, stdout: '' });
    expect(noOut.stderr).toMatch(/one file per section: give --out DIRECTORY \(created if missing\), e\.g\. --out report-2026-10\//);

    const file = join(dir(), 'report.txt');
    writeFileSync(file, 'keep');
    const onFile = await crm(db, ['report', 'monthly', '--format', 'csv', '--out', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain(`--out "${file}" names a file, but the CSV report is one file per section: give a directory (created if missing), e.g. --out ${join(dir(), 'report')}/`);
    expect(readFileSync(file, 'utf8')).toBe('keep');

    const named = join(dir(), '月报.csv');
    const byExtension = await crm(db, ['report', 'monthly', '--out', named], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byExtension.code).toBe(2);
    expect(byExtension.stderr).toContain(`请给出目录（不存在时自动创建），如 --out ${join(dir(), '月报')}/`);
    expect(existsSync(named)).toBe(false);

    const clash = await crm(db, ['report', 'monthly', '--format', 'md', '--json']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--json prints the report as JSON, not md/);
    for (const r of [noOut, onFile, byExtension, clash]) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
  });

  test('html: one page to --out (listed with --json) or to stdout, names escaped, in the reader’s language', async () => {
    const out = join(dir(), '月报.html');
    const r = await crm(db, ['report', 'monthly', '--out', out, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(json(r)).toEqual({ files: [out] });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<(script|img)\b/);
    expect(html).toContain('<td>C000002</td><td>&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src=x onerror=alert(2)&#62;</td>');
    expect(html).toContain('<tr class="total"><td>合计</td><td class="num">4万</td><td class="num">100.0%</td><td class="num">8,000.00</td>');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(6);
    const piped = await crm(db, ['report', 'monthly', '--format', 'html']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(piped.stdout).toContain('<td class="num">40,000.00</td>');
  });
});
