import { describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface StaffJson {
  login: string;
  name: string;
  role: string;
  region: string | null;
  product_line: string | null;
  active: boolean;
}

describe('crm staff', () => {
  const dir = useTempDir();

  test('add, list, update and deactivate, each in the history', async () => {
    const db = await seededDb(dir());
    expect((await crm(db, ['staff', 'add', 'sunli', '--name', '孙丽', '--role', '业务人员', '--product-line', '仪器'])).code).toBe(0);
    let staff = json<StaffJson[]>(await crm(db, ['staff', 'list', '--json']));
    expect(staff.find((s) => s.login === 'sunli')).toEqual(
      expect.objectContaining({ name: '孙丽', role: 'rep', product_line: '仪器', region: null, active: true }),
    );
    expect((await crm(db, ['staff', 'update', 'sunli', '--role', 'service', '--region', '西南'])).code).toBe(0);
    expect((await crm(db, ['staff', 'deactivate', 'sunli'])).code).toBe(0);
    staff = json<StaffJson[]>(await crm(db, ['staff', 'list', '--json']));
    expect(staff.map((s) => s.login)).not.toContain('sunli');
    staff = json<StaffJson[]>(await crm(db, ['staff', 'list', '--all', '--json']));
    expect(staff.find((s) => s.login === 'sunli')).toEqual(expect.objectContaining({ role: 'service', region: '西南', active: false }));
    const history = query<{ field: string; old_value: string | null; new_value: string | null; command: string }>(
      db,
      "SELECT h.field, h.old_value, h.new_value, h.command FROM history h JOIN staff s ON s.id = h.entity_id WHERE h.entity = 'staff' AND s.login = 'sunli' ORDER BY h.id",
    );
    expect(history).toContainEqual({ field: 'role', old_value: 'rep', new_value: 'service', command: 'staff update' });
    expect(history).toContainEqual({ field: 'active', old_value: 'true', new_value: 'false', command: 'staff deactivate' });
  });

  test('a deactivated login is refused (exit 3)', async () => {
    const db = await seededDb(dir());
    await crm(db, ['staff', 'add', 'temp', '--name', '临时', '--role', 'rep']);
    await crm(db, ['staff', 'deactivate', 'temp']);
    const r = await crm(db, ['list'], { login: 'temp' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/deactivated/);
  });

  test.each([
    [['staff', 'add', 'x1', '--name', 'X', '--role', 'boss'], 2, /not one of the allowed values/],
    [['staff', 'add', 'x1', '--role', 'rep'], 2, /--name and --role are required/],
    [['staff', 'add', 'bad login', '--name', 'X', '--role', 'rep'], 2, /not valid/],
    [['staff', 'add', 'zhangwei', '--name', 'X', '--role', 'rep'], 1, /already registered/],
    [['staff', 'add', 'x1', '--name', 'X', '--role', 'rep', '--email', 'nope'], 2, /not a valid e-mail/],
    [['staff', 'update', 'nobody', '--name', 'X'], 1, /no staff member nobody/],
    [['staff', 'update', 'zhangwei'], 2, /nothing to change/],
    [['staff', 'deactivate', 'admin'], 1, /last active admin/],
    [['staff', 'update', 'admin', '--role', 'rep'], 1, /last active admin/],
  ])('refuses %j with exit %i', async (argv, code, message) => {
    const db = await seededDb(dir());
    const before = query(db, 'SELECT * FROM staff ORDER BY id');
    const r = await crm(db, argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(query(db, 'SELECT * FROM staff ORDER BY id')).toEqual(before);
  });

  test('only an admin manages staff (exit 3)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['staff', 'add', 'x1', '--name', 'X', '--role', 'rep'], { login: 'zhaomin' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/only an admin/);
  });

  test('someone who still owns customers must hand them over first', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei']);
    const r = await crm(db, ['staff', 'deactivate', 'zhangwei']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/owns 1 customer and.*crm handover zhangwei/);
  });
});

describe('identity', () => {
  const dir = useTempDir();

  test('an unregistered OS login is refused with the fix named (exit 3)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['list'], { login: 'stranger' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/crm staff add stranger/);
  });

  test('--as works for an admin and records both identities', async () => {
    const db = await seededDb(dir());
    const id = json<{ id: string }>(await crm(db, ['--as', 'zhangwei', 'add', '--name', '代录公司', '--json']));
    const rows = query<{ login: string; os_login: string }>(
      db,
      "SELECT s.login, h.os_login FROM history h JOIN staff s ON s.id = h.staff_id WHERE h.customer_id = ? AND h.entity = 'customer'",
      Number(id.id.slice(1)),
    );
    expect(rows).toEqual([{ login: 'zhangwei', os_login: 'admin' }]);
    expect(json<{ owner: string }>(await crm(db, ['show', id.id, '--json'])).owner).toBe('zhangwei');
  });

  test('--as is refused to anyone but an admin (exit 3)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['--as', 'zhaomin', 'list'], { login: 'zhangwei' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/only an admin may act as someone else/);
  });
});
