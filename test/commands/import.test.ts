import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, test } from 'vitest';
import type { ImportCounts } from '../../src/db/imports.js';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

interface Summary extends ImportCounts {
  dry_run: boolean;
  encoding: string;
  layout: string;
  unmapped_columns: string[];
}
interface Card {
  id: string;
  [key: string]: unknown;
  contacts: Record<string, unknown>[];
}

/** Everything a user would see of the stored customers, without ids and times. */
function filed(db: string) {
  return query(
    db,
    `SELECT c.name, c.status, c.source, c.source_detail, c.address, c.verified_at, k.name AS person, k.title, k.mobile, k.phone, k.email, k.notes
       FROM customers c LEFT JOIN contacts k ON k.customer_id = c.id ORDER BY c.id, k.id`,
  );
}

async function importJson(db: string, argv: string[], login = 'admin') {
  const r = await crm(db, ['import', ...argv, '--json'], { login });
  return { ...r, summary: JSON.parse(r.stdout || '{}') as Summary };
}

describe('crm import: encodings and layouts', () => {
  const dir = useTempDir();

  test('an Excel CSV from Chinese Windows (GB18030, CRLF) is filed as customers and contacts', async () => {
    const db = await seededDb(dir());
    const r = await importJson(db, [fixture('cards-gb18030.csv'), '--event', '2026 深圳电子展', '--event-date', '2026-11-20', '--owner', 'zhangwei']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ rows_read: 4, customers_created: 3, contacts_created: 4, rejected: 0, skipped: 0, encoding: 'gb18030', layout: 'chinese' });
    const card = json<Card>(await crm(db, ['show', 'C000001', '--json']));
    expect(card).toMatchObject({
      name: '深圳市华强电子有限公司',
      status: 'potential',
      source: 'trade-show',
      source_detail: '2026 深圳电子展 2026-11-20',
      owner: 'zhangwei',
      verified: false,
      address: '深圳市福田区华强北路1001号',
    });
    expect(card.contacts).toEqual([
      expect.objectContaining({ name: '王强', title: '采购经理', mobile: '13800138000', phone: '+8675583765432', email: 'wangqiang@huaqiang-example.cn', notes: '展位A12' }),
      expect.objectContaining({ name: '刘洋', title: '工程师', mobile: '13912345678', phone: '+8675583765432;ext=801' }),
    ]);
    expect(json<{ id: string }[]>(await crm(db, ['list', '--search', 'zxmy', '--json'])).map((x) => x.id)).toEqual(['C000002']);
  });

  test.each([
    ['cards-utf8-bom.csv', 'utf8'],
    ['cards-utf8.csv', 'utf8'],
    ['cards-utf16le.txt', 'utf16le'],
  ])('%s gives exactly what the GB18030 file gives', async (name, encoding) => {
    const reference = await seededDb(dir());
    await crm(reference, ['import', fixture('cards-gb18030.csv')]);
    const db = join(dir(), 'other.db');
    await crm(db, ['init']);
    const r = await importJson(db, [fixture(name)]);
    expect(r.summary.encoding).toBe(encoding);
    expect(filed(db)).toEqual(filed(reference));
  });

  test('Traditional headers, quoted newlines, empty trailing columns and a Taiwan mobile', async () => {
    const db = await seededDb(dir());
    const r = await importJson(db, [fixture('cards-traditional.csv')]);
    expect(r.code).toBe(0);
    expect(filed(db)).toEqual([
      expect.objectContaining({ name: '台北宏達電子股份有限公司', person: '林志明', title: '業務經理', mobile: '+886912345678', address: '台北市信義區\r\n松仁路100號' }),
    ]);
  });

  test('an Excel sheet as a clerk keeps it: a title above the header, 序号, numbers as people write them', async () => {
    const db = await seededDb(dir());
    const r = await importJson(db, [fixture('excel-title-row-gb18030.csv')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Rows numbered in advance but left empty (6, 7) are blank rows; 序号 is not reported as unused.
    expect(r.summary).toMatchObject({ rows_read: 5, customers_created: 3, contacts_created: 5, rejected: 0, encoding: 'gb18030', unmapped_columns: [] });
    expect(filed(db).map(({ name, person, mobile, phone, notes }) => ({ name, person, mobile, phone, notes }))).toEqual([
      { name: '深圳市华强电子有限公司', person: '张伟', mobile: '13800138000', phone: '+8675583211234;ext=801', notes: null },
      { name: '深圳市华强电子有限公司', person: '李娜', mobile: '13800138001', phone: '+8675583211234;ext=801', notes: null },
      { name: '华强电子（深圳）有限公司', person: '王芳', mobile: '13800138002', phone: null, notes: null },
      // Two mobiles in one cell: the first is the mobile, the other kept in the notes.
      { name: '深圳市中兴科技有限公司', person: '刘洋', mobile: '13800138003', phone: null, notes: '其他电话：13900139000' },
      // A mobile written under 电话 is the contact's mobile.
      { name: '深圳市中兴科技有限公司', person: '陈静', mobile: '13700137000', phone: null, notes: null },
    ]);
  });

  test('a tab-separated file with a title line that has no tab', async () => {
    const db = await seededDb(dir());
    const tsv = '展会名片(整理:张伟)\n公司\t姓名\t手机\n深圳市华强电子有限公司\t王强\t13800138000\n';
    const r = await crm(db, ['import', '-', '--json'], { stdin: tsv });
    expect(r.code).toBe(0);
    expect(filed(db)).toEqual([expect.objectContaining({ name: '深圳市华强电子有限公司', person: '王强', mobile: '13800138000' })]);
  });

  test('an iPhone number labelled 手机 but typed only pref is the mobile, found again by a CSV of the same person', async () => {
    const db = await seededDb(dir());
    expect((await importJson(db, [fixture('vcard-iphone-labelled-mobile.vcf')])).summary).toMatchObject({ customers_created: 2, contacts_created: 2 });
    expect(filed(db)[0]).toMatchObject({ person: '赵敏', mobile: '13911112222', phone: null, email: 'ZhaoMin@NS-Tech.com' });
    const csv = '公司,姓名,手机\n南山科技,赵敏,139 1111 2222\n';
    const again = await crm(db, ['import', '-', '--json'], { stdin: csv });
    expect(JSON.parse(again.stdout)).toMatchObject({ customers_created: 0, contacts_created: 0, skipped: 1 });
  });

  test('the English summary counts in the singular when there is one', async () => {
    const db = await seededDb(dir());
    const csv = '公司,姓名,手机\n深圳市华强电子有限公司,王强,13800138000\n华强电子,王强,13800138000\n';
    const r = await crm(db, ['import', '-', '--lang', 'en'], { stdin: csv });
    expect(r.stdout.trim()).toBe('Read 2 rows: 1 customer and 1 contact created, 0 merged, 0 updated, 1 skipped as a duplicate, 0 rejected.');
  });

  test('standard input works as "-"', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['import', '-', '--json'], { stdin: readFileSync(fixture('cards-utf8.csv'), 'utf8') });
    expect(JSON.parse(r.stdout)).toMatchObject({ customers_created: 3, contacts_created: 4 });
  });
});

describe('crm import: duplicates', () => {
  const dir = useTempDir();

  test('importing the same file again changes nothing', async () => {
    const db = await seededDb(dir());
    await crm(db, ['import', fixture('cards-gb18030.csv')]);
    const before = { customers: filed(db), history: snapshot(db).history };
    for (const policy of ['skip', 'merge', 'update']) {
      const r = await importJson(db, [fixture('cards-utf8.csv'), '--on-duplicate', policy]);
      expect(r.summary).toMatchObject({ rows_read: 4, customers_created: 0, contacts_created: 0, merged: 0, updated: 0, skipped: 4 });
    }
    expect({ customers: filed(db), history: snapshot(db).history }).toEqual(before);
  });

  test('against the file on record: skip leaves it, merge fills only empty fields, update overwrites', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '深圳市华强电子', '--contact-name', '王强', '--contact-title', '采购部', '--contact-mobile', '+86 138 0013 8000']);
    const skip = await importJson(db, [fixture('cards-utf8.csv'), '--dry-run']);
    expect(skip.summary).toMatchObject({ customers_created: 2, contacts_created: 3, skipped: 1, dry_run: true });

    const merge = await importJson(db, [fixture('cards-utf8.csv'), '--on-duplicate', 'merge']);
    expect(merge.summary).toMatchObject({ customers_created: 2, contacts_created: 3, merged: 1 });
    let card = json<Card>(await crm(db, ['show', 'C000001', '--json']));
    expect(card.name).toBe('深圳市华强电子');
    expect(card.address).toBe('深圳市福田区华强北路1001号');
    expect(card.contacts[0]).toMatchObject({ title: '采购部', email: 'wangqiang@huaqiang-example.cn', notes: '展位A12' });
    expect(card.contacts.map((k) => k.name)).toEqual(['王强', '刘洋']);

    const update = await importJson(db, [fixture('cards-utf8.csv'), '--on-duplicate', 'update']);
    expect(update.summary).toMatchObject({ customers_created: 0, contacts_created: 0, updated: 1, skipped: 3 });
    card = json<Card>(await crm(db, ['show', 'C000001', '--json']));
    expect(card.contacts[0]).toMatchObject({ title: '采购经理' });

    const history = json<{ command: string; field: string; old_value: string | null; new_value: string }[]>(await crm(db, ['history', 'C000001', '--json']));
    expect(history).toContainEqual(expect.objectContaining({ command: 'import #1', field: 'email', old_value: null, new_value: 'wangqiang@huaqiang-example.cn' }));
    expect(history).toContainEqual(expect.objectContaining({ command: 'import #2', field: 'title', old_value: '采购部', new_value: '采购经理' }));
  });

  test('--on-duplicate takes its choice in any case, as --encoding does', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '深圳市华强电子', '--contact-name', '王强', '--contact-mobile', '13800138000']);
    const r = await importJson(db, [fixture('cards-utf8.csv'), '--on-duplicate', 'Merge', '--encoding', 'UTF8']);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ merged: 1, encoding: 'utf8' });
  });

  test('the same person twice in one file is filed once', async () => {
    const db = await seededDb(dir());
    const csv = '公司,姓名,手机\n华强电子,王强,13800138000\n华强电子有限公司,王强,+86 138-0013-8000\n华强电子,Wang Qiang,138 0013 8000\n';
    const r = await crm(db, ['import', '-', '--json'], { stdin: csv });
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 3, customers_created: 1, contacts_created: 1, skipped: 2 });
  });
});

describe('crm import: bad rows and bad files', () => {
  const dir = useTempDir();

  test('bad rows are rejected with line and reason, good ones imported, exit 1; --errors writes them for Excel', async () => {
    const db = await seededDb(dir());
    const errors = join(dir(), 'rejected.csv');
    const r = await importJson(db, [fixture('cards-bad-rows.csv'), '--errors', errors]);
    expect(r.code).toBe(1);
    expect(r.summary).toMatchObject({ rows_read: 7, customers_created: 2, contacts_created: 2, rejected: 5 });
    expect(r.stderr).toMatch(/5 rows were rejected/);
    const text = readFileSync(errors, 'utf8');
    expect(text.startsWith('\uFEFF公司,姓名,手机,邮箱,生日,line,reason')).toBe(true);
    const lines = (parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).slice(1);
    expect(lines.map((l) => l.at(-2))).toEqual(['2', '3', '5', '6', '7']);
    expect(lines[0]!.at(-1)).toMatch(/neither a company nor a person/);
    expect(lines[1]!.at(-1)).toMatch(/not a valid mobile/);
    expect(lines[2]!.at(-1)).toMatch(/not a valid e-mail/);
    expect(lines[3]!.at(-1)).toMatch(/6 fields but the header has 5/);
    expect(lines[4]!.at(-1)).toMatch(/not a real date/);
    // The errors file goes back in as it is once fixed: its line and reason columns are left out,
    // without a warning that they were not used.
    const again = await importJson(db, [errors, '--dry-run']);
    expect(again.summary).toMatchObject({ rows_read: 5, rejected: 5, unmapped_columns: [] });
    expect(query(db, 'SELECT name FROM customers ORDER BY id')).toEqual([{ name: '杭州海康精密有限公司' }, { name: '南京创新材料有限公司' }]);
  });

  test('a formula in a rejected row is neutralised in the errors file, and comes back as it was when that file is imported', async () => {
    const db = await seededDb(dir());
    const source = join(dir(), 'cards.csv');
    writeFileSync(source, '公司,姓名,手机,备注\n=HYPERLINK("http://x")公司,张伟,1380013800,@SUM(A1)\n');
    const errors = join(dir(), 'rejected.csv');
    expect((await importJson(db, [source, '--errors', errors])).summary).toMatchObject({ rejected: 1 });
    const row = (parse(readFileSync(errors, 'utf8').replace(/^\uFEFF/, '')) as string[][])[1]!;
    expect(row.slice(0, 4)).toEqual([`'=HYPERLINK("http://x")公司`, '张伟', '1380013800', "'@SUM(A1)"]);
    // Fixed in Excel (the mobile), the file goes back in: the cells are what the card said.
    writeFileSync(errors, readFileSync(errors, 'utf8').replace('1380013800', '13800138000'));
    expect((await importJson(db, [errors])).summary).toMatchObject({ customers_created: 1, rejected: 0 });
    expect(query(db, 'SELECT c.name, k.notes FROM customers c JOIN contacts k ON k.customer_id = c.id')).toEqual([
      { name: '=HYPERLINK("http://x")公司', notes: '@SUM(A1)' },
    ]);
  });

  test('--strict stops at the first bad row and writes nothing (exit 2)', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const r = await crm(db, ['import', fixture('cards-bad-rows.csv'), '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2 rejected \(--strict/);
    expect(snapshot(db)).toEqual(before);
  });

  test('a wrong encoding stops the import, names --encoding, and stores no replacement character', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const r = await crm(db, ['import', fixture('cards-gb18030.csv'), '--encoding', 'utf8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid utf8 .*--encoding/);
    expect(snapshot(db)).toEqual(before);
    expect(query(db, "SELECT count(*) AS n FROM customers WHERE name LIKE '%' || char(65533) || '%'")).toEqual([{ n: 0 }]);
  });

  test.each([
    ["unbalanced-quote.csv", /opening quote is never closed \(line 2\)/],
    ['binary-renamed.csv', /not a text file|neither UTF-8 nor GB18030|not valid/],
    ['empty.csv', /the file is empty/],
    ['header-only.csv', /header row but no cards/],
  ])('%s: one clear line, exit 2, nothing written', async (name, message) => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const r = await crm(db, ['import', fixture(name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
  });

  test('a 10 MB field and NUL bytes are refused, nothing written', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const huge = join(dir(), 'huge.csv');
    writeFileSync(huge, `公司,姓名\n华强电子,${'王'.repeat(10 * 1024 * 1024 / 3)}\n`);
    expect((await crm(db, ['import', huge])).stderr).toMatch(/longer than 256 KB/);
    const nul = join(dir(), 'nul.csv');
    writeFileSync(nul, '公司,姓名\n华强\0电子,王强\n');
    const r = await crm(db, ['import', nul]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NUL bytes/);
    expect(snapshot(db)).toEqual(before);
  });

  test('a card with a control character (an escape sequence pasted into a name) is rejected with its line, the rest imported', async () => {
    const db = await seededDb(dir());
    const file = join(dir(), 'control.csv');
    writeFileSync(file, '公司,姓名,手机\r\n深圳市华强电子有限公司,王强,13800138000\r\n上海中兴贸易有限公司,\u001b[31m李娜,13900139000\r\n');
    const r = await crm(db, ['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 3 not imported: Name \(name\) contains the control character U\+001B/);
    expect(query<{ name: string }>(db, 'SELECT name FROM contacts')).toEqual([{ name: '王强' }]);
  });

  test('rows of empty cells that Excel leaves below the data are not cards: skipped, not rejected', async () => {
    const db = await seededDb(dir());
    const file = join(dir(), 'blank-rows.csv');
    writeFileSync(file, '公司,姓名,手机\r\n深圳市华强电子有限公司,王强,13800138000\r\n,,\r\n , ,\r\n');
    const r = await importJson(db, [file]);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ rows_read: 1, customers_created: 1, contacts_created: 1, rejected: 0 });
    expect(r.stderr).toBe('');
  });

  test('--errors naming a directory or a missing directory is refused before anything is imported', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const inDir = await crm(db, ['import', fixture('cards-bad-rows.csv'), '--errors', dir()]);
    expect(inDir.code).toBe(2);
    expect(inDir.stderr).toMatch(/--errors .* is a directory; nothing was imported: name a file/);
    expect(inDir.stderr.trim().split('\n')).toHaveLength(1);
    const missing = join(dir(), 'no-such-dir', 'rejected.csv');
    const inMissing = await crm(db, ['import', fixture('cards-bad-rows.csv'), '--errors', missing]);
    expect(inMissing.code).toBe(2);
    expect(inMissing.stderr.trim()).toBe(`error: cannot write --errors ${missing} (ENOENT); nothing was imported: check that its directory exists and is writable.`);
    expect(snapshot(db)).toEqual(before);
  });

  test('with --errors the closing line says where the rejected rows went', async () => {
    const db = await seededDb(dir());
    const errors = join(dir(), '未导入.csv');
    const r = await crm(db, ['--lang', 'zh', 'import', fixture('cards-bad-rows.csv'), '--errors', errors]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`错误：5 行未能导入，已连同原因写入 ${errors}：在其中修正后，再导入该文件。`);
  });

  test('a sheet whose header has no company or person column: the header is named, not the title above it', async () => {
    const db = await seededDb(dir());
    const csv = '2026深圳电子展名片,,\n客人,微信,电话号\n华强电子,wx1,13800138000\n';
    const r = await crm(db, ['import', '-'], { stdin: csv });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: no company or name column among the headers (客人, 微信, 电话号): say which with --map "HEADER=company" or --map "HEADER=name".');
  });

  test('a missing file is a clear error', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['import', join(dir(), 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });

  test.each([
    [['--encoding', 'latin9'], /--encoding "latin9"/],
    [['--on-duplicate', 'overwrite'], /skip, merge, update/],
    [['--event-date', '2026-02-30'], /--event-date/],
    [['--source', 'telepathy'], /not one of the allowed values/],
  ])('refuses %j (exit 2)', async (argv, message) => {
    const db = await seededDb(dir());
    const r = await crm(db, ['import', fixture('cards-utf8.csv'), ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('crm import: mappings, profiles, permissions', () => {
  const dir = useTempDir();
  const odd = 'Firma,Person,Handy\n华强电子,王强,13800138000\n';

  test.each([['微信号'], ['微信号=wechat']])('a bad --map %j is refused in Chinese under --lang zh, naming the targets', async (spec) => {
    const db = await seededDb(dir());
    const r = await crm(db, ['--lang', 'zh', 'import', fixture('cards-utf8.csv'), '--map', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：--map "微信号.*字段.*company, name, .*, ignore。\n$/);
    expect(r.stderr).not.toMatch(/is not|use one of/);
  });

  test('unknown headers are named; --map fixes them and --profile keeps the mapping', async () => {
    const db = await seededDb(dir());
    let r = await crm(db, ['import', '-'], { stdin: odd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Firma, Person, Handy/);
    r = await crm(db, ['import', '-', '--map', 'Firma=company', 'Person=name', '--map', 'Handy=mobile', '--profile', 'messe', '--json'], { stdin: odd });
    expect(JSON.parse(r.stdout)).toMatchObject({ customers_created: 1, contacts_created: 1 });
    r = await crm(db, ['import', '-', '--profile', 'messe', '--json'], { stdin: odd.replace('华强电子,王强,13800138000', '中兴贸易,陈静,13700001111') });
    expect(JSON.parse(r.stdout)).toMatchObject({ customers_created: 1, contacts_created: 1 });
    expect((await crm(db, ['import', '-', '--profile', 'nothing'], { stdin: odd })).stderr).toMatch(/no import profile nothing/);
  });

  test('staff without a customer role may not import; a rep may not give the cards to someone else', async () => {
    const db = await seededDb(dir());
    expect((await crm(db, ['import', fixture('cards-utf8.csv')], { login: 'guest' })).code).toBe(3);
    expect((await crm(db, ['import', fixture('cards-utf8.csv'), '--owner', 'lina'], { login: 'zhangwei' })).code).toBe(3);
    // Nor may the cards go to someone who could not open them.
    const guest = await crm(db, ['import', fixture('cards-utf8.csv'), '--owner', 'guest']);
    expect(guest.code).toBe(2);
    expect(guest.stderr).toMatch(/"guest" has no customer role/);
    expect(query(db, 'SELECT count(*) AS n FROM customers')).toEqual([{ n: 0 }]);
    const r = await importJson(db, [fixture('cards-utf8.csv')], 'zhangwei');
    expect(r.summary.customers_created).toBe(3);
    expect(json<unknown[]>(await crm(db, ['list', '--json'], { login: 'zhangwei' }))).toHaveLength(3);
  });

  test('every change is in the history with the import as its cause', async () => {
    const db = await seededDb(dir());
    await crm(db, ['import', fixture('cards-utf8.csv')]);
    const causes = query<{ command: string }>(db, 'SELECT DISTINCT command FROM history WHERE customer_id IS NOT NULL');
    expect(causes).toEqual([{ command: 'import #1' }]);
    expect(query(db, 'SELECT file_name, encoding, layout, rows_read, customers_created, contacts_created FROM imports')).toEqual([
      { file_name: 'cards-utf8.csv', encoding: 'utf8', layout: 'chinese', rows_read: 4, customers_created: 3, contacts_created: 4 },
    ]);
  });
});

describe('crm import: every layout a colleague could hand over', () => {
  const dir = useTempDir();

  test.each([
    ['layout-chinese.csv', 'chinese', 2, { name: '深圳市华强电子有限公司', person: '张伟', mobile: '13800138000', fax: '+8675583765433' }],
    ['layout-chinese-traditional.csv', 'chinese', 2, { name: '昆山台光精密電子有限公司', person: '陳志明', mobile: '+886912345678' }],
    ['layout-split-name.csv', 'chinese', 3, { name: '杭州西湖茶业有限公司', person: '欧阳娜娜' }],
    ['layout-english.csv', 'english', 2, { name: 'Shenzhen Huaqiang Electronics Co. Ltd', person: 'Wei Zhang', title: 'Sales Manager' }],
    ['layout-google.csv', 'google', 2, { name: '深圳市华强电子有限公司', email: 'zhangwei@huaqiang-elec.com.cn' }],
    ['layout-google-old.csv', 'google', 2, { name: '上海徐汇贸易有限公司', person: '王芳', mobile: '18612345678' }],
    ['layout-outlook-desktop.csv', 'outlook', 2, { name: 'Ningbo Ocean Trading Co. Ltd', person: 'Lisa Wang', phone: '+8657486861234' }],
    ['layout-outlook-web.csv', 'outlook', 2, { name: '深圳市华强电子有限公司', title: '销售经理' }],
    // Outlook on Chinese Windows: Chinese headers, GB18030, 生日 0/0/00 on every row.
    ['layout-outlook-desktop-zh.csv', 'outlook', 2, {
      name: '深圳市华强电子有限公司', fax: '+8675583765433', person: '王强', mobile: '13800138000', phone: '+8675583765432', email: 'wangqiang@hq-elec.com.cn',
    }],
    ['vcard-21-qp.vcf', 'vcard', 1, { name: '深圳市华强电子有限公司', person: '王强', title: '采购经理' }],
    ['vcard-30.vcf', 'vcard', 3, { name: 'Huaqiang Electronics', person: 'Jie Michael Chen' }],
    ['vcard-40.vcf', 'vcard', 1, { person: '张伟', title: '市场总监', mobile: '13800138000' }],
  ])('%s (%s) files %i customers', async (name, layout, customers, sample) => {
    const db = await seededDb(dir());
    const r = await importJson(db, [fixture(name)]);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ layout, customers_created: customers, rejected: 0 });
    expect(r.summary.customers_created + r.summary.skipped).toBe(r.summary.rows_read);
    expect(query(db, 'SELECT c.name, c.fax, k.name AS person, k.title, k.mobile, k.phone, k.email FROM customers c JOIN contacts k ON k.customer_id = c.id')).toContainEqual(
      expect.objectContaining(sample),
    );
  });

  test('further numbers and e-mails are kept in the contact notes, not lost', async () => {
    const db = await seededDb(dir());
    await crm(db, ['import', fixture('layout-google.csv')]);
    expect(query<{ notes: string }>(db, "SELECT notes FROM contacts WHERE name = '张伟'")[0]!.notes).toMatch(/其他邮箱：sales@huaqiang-elec.com.cn、zhangwei1985@163.com/);
  });
});

test('a rep importing a card of a company owned by someone else: that row is rejected, not filed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-imp-'));
  try {
    const db = await seededDb(dir);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina']);
    const csv = '公司,姓名,手机\n中兴贸易有限公司,陈静,13700001111\n华强电子,王强,13800138000\n';
    const r = await crm(db, ['import', '-', '--json'], { stdin: csv, login: 'zhangwei' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers_created: 1, contacts_created: 1, rejected: 1 });
    expect(r.stderr).toMatch(/line 2 not imported: this card belongs to customer C000001, which is outside your scope/);
    expect(query(db, 'SELECT count(*) AS n FROM contacts WHERE customer_id = 1')).toEqual([{ n: 0 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('crm import: Excel workbooks', () => {
  const dir = useTempDir();
  /** A workbook as a card scanner or a colleague's Excel writes it: a title above the header, a
   * mobile typed as a number, a sheet of notes beside the cards. */
  async function workbook(name: string, sheets: { sheet: string; data: unknown[][] }[]): Promise<string> {
    const file = join(dir(), name);
    writeFileSync(file, await writeExcelFile(sheets as never).toBuffer());
    return file;
  }
  const CARDS = {
    sheet: '名片',
    data: [
      ['2026深圳电子展名片', null, null, null, null],
      ['序号', '公司名称', '姓名', '手机', '银行账号'],
      [1, '深圳市华强电子有限公司', '王强', 13800138000, { value: '6222021234567890123', type: String }],
      [2, '上海中兴贸易有限公司', '李娜', '1391234567', null],
      [3, '广州白云电器有限公司', '赵敏', '139 2233 4455', null],
    ],
  };

  test('the cards of the first sheet are filed; a bad one is rejected with its Excel row; other sheets are named, not read', async () => {
    const db = await seededDb(dir());
    const file = await workbook('名片.xlsx', [CARDS, { sheet: '说明', data: [['展会期间收集']] }]);
    const r = await crm(db, ['import', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 3, customers_created: 2, contacts_created: 2, rejected: 1, encoding: 'xlsx', layout: 'chinese' });
    expect(r.stderr).toContain('line 4 not imported: Mobile (mobile)');
    expect(r.stderr).toContain('other sheets with data were not imported: 说明 (choose one with --sheet NAME)');
    expect(query(db, 'SELECT c.name AS company, k.name, k.mobile, c.bank_account FROM contacts k JOIN customers c ON c.id = k.customer_id ORDER BY k.id')).toEqual([
      { company: '深圳市华强电子有限公司', name: '王强', mobile: '13800138000', bank_account: '6222021234567890123' },
      { company: '广州白云电器有限公司', name: '赵敏', mobile: '13922334455', bank_account: null },
    ]);
  });

  test('a company cell merged over the rows of its people (合并单元格) files them all with that company', async () => {
    const db = await seededDb(dir());
    const file = await workbook('合并.xlsx', [
      {
        sheet: '名片',
        data: [
          ['公司名称', '姓名', '手机'],
          [{ value: '深圳市华强电子有限公司', rowSpan: 3 }, '王强', '13800138000'],
          [null, '李娜', '13912345678'],
          [null, '赵敏', '13922334455'],
          ['上海中兴贸易有限公司', '刘洋', '13711112222'],
        ],
      },
    ]);
    const r = await crm(db, ['import', file, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 4, customers_created: 2, contacts_created: 4, rejected: 0 });
    expect(query(db, 'SELECT c.name AS company, k.name FROM contacts k JOIN customers c ON c.id = k.customer_id ORDER BY k.id')).toEqual([
      { company: '深圳市华强电子有限公司', name: '王强' },
      { company: '深圳市华强电子有限公司', name: '李娜' },
      { company: '深圳市华强电子有限公司', name: '赵敏' },
      { company: '上海中兴贸易有限公司', name: '刘洋' },
    ]);
  });

  test('--sheet chooses the sheet; a sheet not there, an old .xls and a zip that is no workbook are refused (exit 2, nothing written)', async () => {
    const db = await seededDb(dir());
    const file = await workbook('两表.xlsx', [{ sheet: '说明', data: [['x']] }, CARDS]);
    expect(JSON.parse((await crm(db, ['import', file, '--sheet', '名片', '--json'])).stdout)).toMatchObject({ customers_created: 2, rejected: 1 });
    const before = snapshot(db);
    const missing = await crm(db, ['import', file, '--sheet', '客户']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'error: the workbook has no sheet named "客户": its sheets are 说明, 名片.']);
    // In Chinese the sheets are listed as Chinese lists names: with 、, not a comma.
    expect((await crm(db, ['import', file, '--sheet', '客户', '--lang', 'zh'])).stderr.trim()).toBe('错误：工作簿中没有名为"客户"的工作表：可选 说明、名片。');
    const xls = join(dir(), '旧名片.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const old = await crm(db, ['import', xls]);
    expect([old.code, old.stderr]).toEqual([2, expect.stringMatching(/old Excel file \(\.xls\).*save it as \.xlsx or CSV UTF-8/)]);
    const zip = join(dir(), 'photos.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]));
    const notBook = await crm(db, ['import', zip, '--lang', 'zh']);
    expect([notBook.code, notBook.stderr]).toEqual([2, expect.stringMatching(/不是可读的 Excel 工作簿/)]);
    expect(snapshot(db)).toEqual(before);
  });

  test('in a sheet of cards an empty cell is a value the card did not show: --on-duplicate update clears nothing', async () => {
    const db = await seededDb(dir());
    const sheet = (title: string | null, address: string | null) => ({
      sheet: '名片',
      data: [['公司名称', '姓名', '职务', '手机', '地址'], ['深圳市华强电子有限公司', '王强', title, '13800138000', address]],
    });
    await crm(db, ['import', await workbook('一.xlsx', [sheet('采购经理', '深圳市福田区华强北路1号')])]);
    const r = await crm(db, ['import', await workbook('二.xlsx', [sheet(null, null)]), '--on-duplicate', 'update', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ updated: 0, skipped: 1 });
    expect(query(db, 'SELECT c.address, k.title FROM contacts k JOIN customers c ON c.id = k.customer_id')).toEqual([{ address: '深圳市福田区华强北路1号', title: '采购经理' }]);
  });
});
