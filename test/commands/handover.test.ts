import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

// Lets a test make the owner change silently do nothing, to see the count check roll back.
const sabotage = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/db/customer-writes.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/db/customer-writes.js')>();
  return { ...real, changeCustomer: (...a: Parameters<typeof real.changeCustomer>) => (sabotage.on ? 0 : real.changeCustomer(...a)) };
});

interface Handover {
  from: string;
  moved: number;
  links_moved: number;
  dry_run: boolean;
  customers: { id: string; name: string; contact: string | null; phone: string | null; new_owner: string }[];
}

describe('crm handover', () => {
  const dir = useTempDir();
  let db = '';
  const owners = () => Object.fromEntries(query<{ id: number; login: string }>(db, 'SELECT c.id, s.login FROM customers c JOIN staff s ON s.id = c.owner_id ORDER BY c.id').map((r) => [r.id, r.login]));
  const links = () =>
    query<{ customer_id: number; login: string }>(db, 'SELECT cs.customer_id, s.login FROM customer_staff cs JOIN staff s ON s.id = cs.staff_id ORDER BY 1, 2').map((r) => `${r.customer_id}:${r.login}`);
  const handover = (argv: string[], login = 'zhaomin') => crm(db, ['handover', ...argv], { login });
  const withoutAccessLog = () => ({ ...snapshot(db), access_log: 0 });

  beforeEach(async () => {
    sabotage.on = false;
    db = await seededDb(dir());
    const must = async (argv: string[]) => {
      const r = await crm(db, argv);
      if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    };
    await must(['staff', 'add', 'liuyang', '--name', '刘阳', '--role', 'rep', '--region', '华南']);
    // C1–C4 are liuyang's (C1 also lists him); C5–C7 belong to others and list him as a staff contact.
    await must(['add', '--name', '华强电子', '--owner', 'liuyang', '--region', '华南', '--contact-name', '王强', '--contact-mobile', '13800138000', '--staff', 'liuyang']);
    await must(['add', '--name', '中兴贸易', '--owner', 'liuyang', '--region', '华东', '--contact-name', '刘敏', '--contact-phone', '021-62345678']);
    await must(['add', '--name', '北方机械', '--owner', 'liuyang', '--region', '华北', '--phone', '010-82345678']);
    await must(['add', '--name', '南方仪器', '--owner', 'liuyang', '--region', '华南', '--contact-name', '陈静', '--contact-mobile', '13912345678']);
    await must(['add', '--name', '深圳五金', '--owner', 'zhangwei', '--region', '华南', '--staff', 'liuyang']);
    await must(['add', '--name', '上海化工', '--owner', 'lina', '--region', '华东', '--staff', 'liuyang,wangfang']);
    await must(['add', '--name', '东莞塑胶', '--owner', 'zhaomin', '--region', '华南', '--staff', 'liuyang']);
  });

  test('one receiver takes every customer; counts are conserved and the departing login is refused afterwards', async () => {
    const customersBefore = snapshot(db).customers;
    const r = json<Handover>(await handover(['liuyang', '--to', 'lina', '--json']));
    expect(r).toMatchObject({ from: 'liuyang', moved: 4, links_moved: 4, dry_run: false });
    expect(owners()).toEqual({ 1: 'lina', 2: 'lina', 3: 'lina', 4: 'lina', 5: 'zhangwei', 6: 'lina', 7: 'zhaomin' });
    expect(snapshot(db).customers).toBe(customersBefore);
    expect(query(db, "SELECT active FROM staff WHERE login = 'liuyang'")).toEqual([{ active: 0 }]);
    const refused = await crm(db, ['list'], { login: 'liuyang' });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/deactivated/);
    expect(query(db, "SELECT h.field, h.old_value, h.new_value, h.command FROM history h JOIN staff s ON s.id = h.entity_id WHERE h.entity = 'staff' AND s.login = 'liuyang'")).toContainEqual({
      field: 'active',
      old_value: 'true',
      new_value: 'false',
      command: 'handover',
    });
  });

  test('--split even: round-robin in customer order; staff-contact links move, each in the history', async () => {
    const r = json<Handover>(await handover(['liuyang', '--to', 'zhangwei,lina', '--split', 'even', '--json']));
    expect(r.customers.map((c) => [c.id, c.new_owner])).toEqual([
      ['C000001', 'zhangwei'],
      ['C000002', 'lina'],
      ['C000003', 'zhangwei'],
      ['C000004', 'lina'],
    ]);
    expect(owners()).toEqual({ 1: 'zhangwei', 2: 'lina', 3: 'zhangwei', 4: 'lina', 5: 'zhangwei', 6: 'lina', 7: 'zhaomin' });
    // C5 and C6: the receiver picked already owns the file, so liuyang is only taken off; C7 gains zhangwei.
    expect(links()).toEqual(['6:wangfang', '7:zhangwei']);
    expect(r.links_moved).toBe(4);
    const changes = query<{ customer_id: number; entity: string; field: string; old_value: string | null; new_value: string | null }>(
      db,
      "SELECT customer_id, entity, field, old_value, new_value FROM history WHERE command = 'handover' AND entity != 'staff' ORDER BY customer_id, id",
    );
    for (const [id, to] of [[1, 'zhangwei'], [2, 'lina'], [3, 'zhangwei'], [4, 'lina']] as const) {
      expect(changes).toContainEqual({ customer_id: id, entity: 'customer', field: 'owner', old_value: 'liuyang', new_value: to });
    }
    expect(changes.filter((c) => c.entity === 'customer_staff').map((c) => [c.customer_id, c.old_value, c.new_value])).toEqual([
      [1, 'liuyang', null],
      [5, 'liuyang', null],
      [6, 'liuyang', null],
      [7, 'liuyang', null],
      [7, null, 'zhangwei'],
    ]);
  });

  test('--split region: customers go to a receiver of their region, the others spread over all', async () => {
    const r = json<Handover>(await handover(['liuyang', '--to', 'zhangwei,lina,wangfang', '--split', 'region', '--json']));
    expect(r.moved).toBe(4);
    // 华南 alternates zhangwei, wangfang; 华东 is lina's; 华北 has no receiver and takes the first turn over all.
    expect(owners()).toMatchObject({ 1: 'zhangwei', 2: 'lina', 3: 'zhangwei', 4: 'wangfang' });
    // Links by the same rule: C7 (华南) is the second 华南 turn, wangfang's.
    expect(links()).toEqual(['6:wangfang', '7:wangfang']);
  });

  test('the notification list names every moved customer, its contact and new owner (--json)', async () => {
    const r = json<Handover>(await handover(['liuyang', '--to', 'zhangwei,lina', '--json']));
    expect(r.customers).toEqual([
      { id: 'C000001', name: '华强电子', contact: '王强', phone: '13800138000', new_owner: 'zhangwei' },
      { id: 'C000002', name: '中兴贸易', contact: '刘敏', phone: '+862162345678', new_owner: 'lina' },
      // No contact on file: the company's own number.
      { id: 'C000003', name: '北方机械', contact: null, phone: '+861082345678', new_owner: 'zhangwei' },
      { id: 'C000004', name: '南方仪器', contact: '陈静', phone: '13912345678', new_owner: 'lina' },
    ]);
    // Reading their contacts for the list is a consultation (POLICY §6).
    expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'handover' ORDER BY customer_id")).toEqual(
      [1, 2, 3, 4].map((customer_id) => ({ customer_id, basis: 'all' })),
    );
  });

  test('--notify writes the list as a UTF-8 CSV with BOM and bilingual headers, atomically', async () => {
    const file = join(dir(), '客户通知.csv');
    const r = await handover(['liuyang', '--to', 'zhangwei,lina', '--notify', file]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['客户编号 Customer ID', '企业名称 Company', '联系人 Contact', '联系电话 Phone', '新负责人 New owner', '新负责人姓名 New owner name']);
    expect(rows.slice(1)).toEqual([
      ['C000001', '华强电子', '王强', '138 0013 8000', 'zhangwei', '张伟'],
      ['C000002', '中兴贸易', '刘敏', '021 6234 5678', 'lina', '李娜'],
      ['C000003', '北方机械', '', '010 8234 5678', 'zhangwei', '张伟'],
      ['C000004', '南方仪器', '陈静', '139 1234 5678', 'lina', '李娜'],
    ]);
    expect(readdirSync(dir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a --notify file that cannot be written stops the handover', async () => {
    const before = snapshot(db);
    const r = await handover(['liuyang', '--to', 'lina', '--notify', join(dir(), 'missing', 'list.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing/);
    expect(snapshot(db)).toEqual(before);
  });

  test('without --json: the list as a table, then a one-line summary', async () => {
    const zh = await handover(['--lang', 'zh', 'liuyang', '--to', 'zhangwei,lina', '--dry-run']);
    expect(zh.stdout).toMatch(/^客户编号\t企业名称\t联系人\t联系电话\t新负责人\t新负责人姓名\n/);
    expect(zh.stdout).toContain('试运行（未保存任何内容）：将把 liuyang 的 4 个客户（zhangwei 2, lina 2）及 4 处客户联系人身份移交，并停用 liuyang。');
    const r = await handover(['liuyang', '--to', 'zhangwei,lina']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.split('\t')).toEqual(['Customer ID', 'Company', 'Contact', 'Phone', 'New owner', 'New owner name']);
    expect(lines[1]!.split('\t')).toEqual(['C000001', '华强电子', '王强', '138 0013 8000', 'zhangwei', '张伟']);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("Handed over liuyang's 4 customers (zhangwei 2, lina 2) and 4 staff-contact links; liuyang is deactivated.");
  });

  test('--dry-run prints the same plan and changes nothing, not even the --notify file', async () => {
    const before = withoutAccessLog();
    const file = join(dir(), 'notify.csv');
    const dry = await handover(['liuyang', '--to', 'zhangwei,lina', '--dry-run', '--notify', file, '--json']);
    expect(json<Handover>(dry)).toMatchObject({ moved: 4, links_moved: 4, dry_run: true });
    expect(dry.stderr).toMatch(/dry run: .*notify\.csv was not written/);
    expect(withoutAccessLog()).toEqual(before);
    expect(existsSync(file)).toBe(false);
    expect(query(db, "SELECT active FROM staff WHERE login = 'liuyang'")).toEqual([{ active: 1 }]);
    const real = json<Handover>(await handover(['liuyang', '--to', 'zhangwei,lina', '--json']));
    expect(real.customers).toEqual(json<Handover>(dry).customers);
  });

  test('a handover whose counts do not add up is rolled back whole', async () => {
    sabotage.on = true;
    const before = snapshot(db);
    const r = await handover(['liuyang', '--to', 'zhangwei,lina']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did not add up \(7 customers before, 7 after, 4 still with liuyang\)/);
    expect(snapshot(db)).toEqual(before);
    expect(links()).toContain('7:liuyang');
  });

  test.each([
    ['a rep', ['liuyang', '--to', 'lina'], 'zhangwei', 3, /only a manager/],
    ['a regional manager', ['liuyang', '--to', 'lina'], 'wangfang', 3, /only a manager/],
    ['an unknown employee', ['nobody', '--to', 'lina'], 'zhaomin', 1, /no staff member nobody/],
    ['a deactivated employee', ['temp', '--to', 'lina'], 'zhaomin', 1, /temp is already deactivated/],
    ['the last admin', ['admin', '--to', 'zhaomin'], 'zhaomin', 1, /last active admin/],
    ['the employee as receiver', ['liuyang', '--to', 'lina,liuyang'], 'zhaomin', 2, /liuyang is the employee who is leaving/],
    ['an unknown receiver', ['liuyang', '--to', 'lina,nobody'], 'zhaomin', 2, /receiver nobody is not a registered/],
    ['a deactivated receiver', ['liuyang', '--to', 'temp'], 'zhaomin', 2, /receiver temp is deactivated/],
    ['a receiver who may see no customers', ['liuyang', '--to', 'guest'], 'zhaomin', 2, /role other/],
    ['no receiver', ['liuyang', '--to', ','], 'zhaomin', 2, /no receiver given/],
  ])('refuses %s and writes nothing', async (_, argv, login, code, message) => {
    await crm(db, ['staff', 'add', 'temp', '--name', '临时', '--role', 'rep']);
    await crm(db, ['staff', 'deactivate', 'temp']);
    const before = snapshot(db);
    const ownersBefore = owners();
    const r = await handover(argv, login);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
    expect(owners()).toEqual(ownersBefore);
  });
});
