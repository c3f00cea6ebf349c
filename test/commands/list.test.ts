import { beforeEach, describe, expect, test } from 'vitest';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Row {
  id: string;
  name: string;
  status: string;
  grade: string | null;
  region: string | null;
  owner: string | null;
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('crm list', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    const add = async (argv: string[]) => {
      const r = await crm(db, ['add', ...argv]);
      if (r.code !== 0) throw new Error(r.stderr);
    };
    await add(['--name', '深圳市华强电子有限公司', '--region', '华南', '--industry', '电子', '--grade', 'A', '--status', 'cooperating', '--owner', 'zhangwei', '--contact-name', '王强', '--contact-mobile', '13800138000', '--contact-email', 'wq@hq.cn']);
    await add(['--name', '上海中兴贸易有限公司', '--region', '华东', '--industry', '贸易', '--grade', 'B', '--owner', 'lina', '--source', 'trade-show', '--contact-name', '单田芳']);
    await add(['--name', '广州美的物流', '--region', '华南', '--industry', '物流', '--grade', 'C', '--owner', 'lina', '--phone', '020-87654321']);
    await add(['--name', 'Acme Trading Ltd', '--region', '华北', '--owner', 'admin', '--email', 'Sales@Acme.example']);
    await crm(db, ['update', 'C000003', '--add-staff', 'zhangwei']);
  });

  test('--json returns every matching row with snake_case keys', async () => {
    const rows = json<Row[]>(await crm(db, ['list', '--json']));
    expect(ids(rows)).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'name', 'status', 'grade', 'region', 'industry', 'source', 'kind', 'owner', 'phone', 'contact_name', 'contact_mobile', 'updated_at']);
  });

  test.each([
    [['--status', 'cooperating'], ['C000001']],
    [['--status', '潜在客户'], ['C000002', 'C000003', 'C000004']],
    [['--grade', 'b'], ['C000002']],
    [['--region', '华南'], ['C000001', 'C000003']],
    [['--industry', '物流'], ['C000003']],
    [['--owner', 'lina'], ['C000002', 'C000003']],
    [['--source', '展会'], ['C000002']],
    [['--region', '华南', '--grade', 'C'], ['C000003']],
  ])('filters %j', async (filters, expected) => {
    expect(ids(json<Row[]>(await crm(db, ['list', ...filters, '--json'])))).toEqual(expected);
  });

  test.each([
    ['华强', ['C000001']],
    ['hqdz', ['C000001']],
    ['HuaQiang', ['C000001']],
    ['hua qiang dian zi', ['C000001']],
    ['王强', ['C000001']],
    ['wangqiang', ['C000001']],
    ['shantianfang', ['C000002']],
    ['138-0013-8000', ['C000001']],
    ['87654321', ['C000003']],
    ['+86 138 0013 8000', ['C000001']], // copied from a business card in international form
    ['+86 20 8765 4321', ['C000003']],
    ['sales@acme.example', ['C000004']],
    ['ＡＣＭＥ', ['C000004']],
    ['有限公司', ['C000001', 'C000002']],
    ['不存在', []],
  ])('--search %s', async (text, expected) => {
    expect(ids(json<Row[]>(await crm(db, ['list', '--search', text, '--json'])))).toEqual(expected);
  });

  test('sorting and --limit', async () => {
    expect(ids(json<Row[]>(await crm(db, ['list', '--sort', 'grade', '--desc', '--limit', '2', '--json'])))).toEqual(['C000003', 'C000002']);
    expect(ids(json<Row[]>(await crm(db, ['list', '--limit', '2', '--page', '2', '--json'])))).toEqual(['C000003', 'C000004']);
  });

  test('--sort name orders Chinese names by pinyin (广州 < 上海 < 深圳), across pages too', async () => {
    expect(ids(json<Row[]>(await crm(db, ['list', '--sort', 'name', '--json'])))).toEqual(['C000003', 'C000002', 'C000001', 'C000004']);
    expect(ids(json<Row[]>(await crm(db, ['list', '--sort', 'name', '--desc', '--limit', '2', '--json'])))).toEqual(['C000004', 'C000001']);
    expect(ids(json<Row[]>(await crm(db, ['list', '--sort', 'name', '--limit', '2', '--page', '2', '--json'])))).toEqual(['C000001', 'C000004']);
  });

  test('a page past the last is an error for the table, an empty page for --json', async () => {
    const r = await crm(db, ['list', '--limit', '2', '--page', '3']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: there is no page 3: the 4 matching rows make 2 pages; use --page 1 to 2.\n');
    expect(json<Row[]>(await crm(db, ['list', '--limit', '2', '--page', '3', '--json']))).toEqual([]);
  });

  test('each caller sees only what the policy lets them see', async () => {
    const as = async (login: string) => ids(json<Row[]>(await crm(db, ['list', '--json'], { login })));
    expect(await as('zhangwei')).toEqual(['C000001', 'C000003']); // owner, and staff contact of C000003
    expect(await as('lina')).toEqual(['C000002', 'C000003']);
    expect(await as('wangfang')).toEqual(['C000001', 'C000003']); // regional manager of 华南
    expect(await as('zhaomin')).toEqual(['C000001', 'C000002', 'C000003', 'C000004']); // gm
    expect(await as('guest')).toEqual([]);
    expect(ids(json<Row[]>(await crm(db, ['list', '--search', '中兴', '--json'], { login: 'zhangwei' })))).toEqual([]);
  });

  test('without a terminal: tab-separated lines with a header, every row', async () => {
    const r = await crm(db, ['list']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]!.split('\t')[0]).toBe('ID');
    expect(lines[1]!.split('\t').slice(0, 2)).toEqual(['C000001', '深圳市华强电子有限公司']);
  });

  test.each([
    [['--limit', '0'], /--limit must be a positive whole number/],
    [['--grade', 'D'], /not one of the allowed values/],
    [['--sort', 'colour'], /'colour' is not allowed; choose/],
    [['--search', '  '], /--search needs some text/],
    [['--owner', 'nobody'], /no staff member nobody/],
    [['--bogus'], /unknown option/],
  ])('refuses %j', async (argv, message) => {
    const r = await crm(db, ['list', ...argv]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });
});
