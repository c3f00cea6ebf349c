import { beforeEach, describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Card {
  [key: string]: unknown;
  contacts: { id: number; [key: string]: unknown }[];
  staff: string[];
}
interface Change {
  staff: string;
  os_login: string;
  command: string;
  entity: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

describe('crm update, contact and history', () => {
  const dir = useTempDir();
  let db = '';
  const show = async (id = 'C000001') => json<Card>(await crm(db, ['show', id, '--json']));

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--phone', '0755-83765432', '--contact-name', '王强', '--contact-mobile', '13800138000']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--uscc', '91440300MA5F5Y5X01']);
  });

  test('--set changes, clears and records each field', async () => {
    const r = await crm(db, ['update', 'C1', '--set', 'industry=电子', 'grade=a', '--set', 'phone=', '--set', 'registered_capital=1,000万'], { login: 'zhangwei' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 changes/);
    expect(await show()).toMatchObject({ industry: '电子', grade: 'A', phone: null, registered_capital: 10_000_000 });
    const history = json<Change[]>(await crm(db, ['history', 'C000001', '--json']));
    expect(history.filter((h) => h.command === 'update')).toEqual([
      expect.objectContaining({ staff: 'zhangwei', os_login: 'zhangwei', field: 'industry', old_value: null, new_value: '电子' }),
      expect.objectContaining({ field: 'grade', old_value: null, new_value: 'A' }),
      expect.objectContaining({ field: 'phone', old_value: '+8675583765432', new_value: null }),
      expect.objectContaining({ field: 'registered_capital', old_value: null, new_value: '10000000' }),
    ]);
  });

  test('setting a value it already has changes nothing and records nothing', async () => {
    const before = snapshot(db);
    const r = await crm(db, ['update', 'C1', '--set', 'name=华强电子', 'phone=+86 755 8376 5432']);
    expect(r.stdout).toMatch(/nothing changed/);
    expect(snapshot(db)).toEqual(before);
  });

  test.each([
    [['--set', 'uscc=123'], 2, /not 18 characters/],
    [['--set', 'colour=red'], 2, /no field "colour"/],
    [['--set', 'name='], 2, /is required/],
    [['--set', 'noequals'], 2, /not key=value/],
    [['--set', 'grade=A', '--set', 'grade=B'], 2, /set twice/],
    [['--set', 'status=churned'], 2, /churn_reason/],
    [['--set', 'uscc=91440300MA5F5Y5X01'], 1, /C000002/],
    [['--set', 'name=中兴贸易有限公司'], 1, /C000002/],
    [['--add-staff', 'nobody'], 2, /not a registered staff member/],
  ])('refuses %j with exit %i and changes nothing', async (argv, code, message) => {
    const before = query(db, 'SELECT * FROM customers ORDER BY id');
    const historyBefore = snapshot(db).history;
    const r = await crm(db, ['update', 'C000001', ...argv]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(query(db, 'SELECT * FROM customers ORDER BY id')).toEqual(before);
    expect(snapshot(db).history).toBe(historyBefore);
  });

  test('churning with a reason is accepted', async () => {
    expect((await crm(db, ['update', 'C1', '--set', 'status=流失', 'churn_reason=价格原因转向竞争对手'])).code).toBe(0);
    expect(await show()).toMatchObject({ status: 'churned', churn_reason: '价格原因转向竞争对手' });
  });

  test('scopes apply to writes: out of scope exit 3, missing exit 1, bad id exit 2', async () => {
    expect((await crm(db, ['update', 'C000002', '--set', 'industry=x'], { login: 'zhangwei' })).code).toBe(3);
    expect((await crm(db, ['update', 'C000099', '--set', 'industry=x'])).code).toBe(1);
    expect((await crm(db, ['update', 'X-1', '--set', 'industry=x'])).code).toBe(2);
    expect((await crm(db, ['show', 'C000002'], { login: 'zhangwei' })).code).toBe(3);
    expect((await crm(db, ['history', 'C000002'], { login: 'zhangwei' })).code).toBe(3);
  });

  test('only managers hand a customer to another owner', async () => {
    expect((await crm(db, ['update', 'C1', '--set', 'owner=lina'], { login: 'zhangwei' })).code).toBe(3);
    expect((await crm(db, ['update', 'C1', '--set', 'owner=lina'], { login: 'wangfang' })).code).toBe(0);
    expect((await show()).owner).toBe('lina');
  });

  test('staff contacts are added and removed, in the history', async () => {
    expect((await crm(db, ['update', 'C1', '--add-staff', 'lina,wangfang'])).code).toBe(0);
    expect((await show()).staff).toEqual(['lina', 'wangfang']);
    expect((await crm(db, ['update', 'C1', '--remove-staff', 'lina'])).code).toBe(0);
    expect((await show()).staff).toEqual(['wangfang']);
    const history = json<Change[]>(await crm(db, ['history', 'C1', '--json']));
    expect(history.filter((h) => h.entity === 'customer_staff').map((h) => [h.old_value, h.new_value])).toEqual([
      [null, 'lina'],
      [null, 'wangfang'],
      ['lina', null],
    ]);
  });

  test('contacts are added, changed and removed; search follows', async () => {
    const added = json<{ id: number }>(await crm(db, ['contact', 'add', 'C1', '--name', '刘洋', '--mobile', '13912345678', '--json']));
    expect(json<{ id: string }[]>(await crm(db, ['list', '--search', 'liuyang', '--json'])).map((r) => r.id)).toEqual(['C000001']);
    expect((await crm(db, ['contact', 'update', String(added.id), '--set', 'title=工程师', 'mobile=139 1234 5679'])).code).toBe(0);
    expect((await show()).contacts.find((k) => k.id === added.id)).toMatchObject({ title: '工程师', mobile: '13912345679' });
    expect((await crm(db, ['contact', 'add', 'C2', '--name', '甲', '--mobile', '13912345679'])).code).toBe(1);
    expect((await crm(db, ['contact', 'remove', String(added.id)])).code).toBe(0);
    expect((await show()).contacts.map((k) => k.name)).toEqual(['王强']);
    expect(json<unknown[]>(await crm(db, ['list', '--search', 'liuyang', '--json']))).toEqual([]);
    const history = json<Change[]>(await crm(db, ['history', 'C1', '--json']));
    const removal = history.filter((h) => h.command === 'contact remove');
    expect(removal).toEqual([expect.objectContaining({ field: '*', new_value: null })]);
    expect(JSON.parse(removal[0]!.old_value!)).toMatchObject({ name: '刘洋', title: '工程师', mobile: '13912345679' });
    expect((await crm(db, ['contact', 'update', '999', '--set', 'title=x'])).code).toBe(1);
    expect((await crm(db, ['contact', 'remove', 'abc'])).code).toBe(2);
    expect((await crm(db, ['contact', 'update', '1', '--set', 'title=x'], { login: 'lina' })).code).toBe(3);
  });

  test('--set takes the card\'s Chinese terms as field names, and a full-width ＝', async () => {
    const r = await crm(db, ['update', 'C1', '--set', '客户等级=A', '所属行业＝电子']);
    expect(r.stderr).toBe('');
    expect(await show()).toMatchObject({ grade: 'A', industry: '电子' });
    expect((await crm(db, ['contact', 'update', '1', '--set', '职务=采购经理'])).code).toBe(0);
    expect((await show()).contacts[0]).toMatchObject({ title: '采购经理' });
    // The same field twice, once by key and once by term, is still caught.
    expect((await crm(db, ['update', 'C1', '--set', 'grade=B', '客户等级=C'])).stderr).toMatch(/the field grade is set twice/);
  });

  test('the same person entered twice on one file (same mobile or e-mail) is refused, a shared office phone is not', async () => {
    await crm(db, ['contact', 'add', 'C1', '--name', '刘洋', '--email', 'liuyang@hq.cn', '--phone', '0755-83765432']);
    const before = snapshot(db);
    const again = await crm(db, ['contact', 'add', 'C1', '--name', '王强', '--mobile', '138 0013 8000']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'error: likely duplicate: customer C000001 already has contact #1 王强 with 138 0013 8000. Change that contact with crm contact update 1; add --allow-duplicate if they really are different people.\n',
    );
    expect((await crm(db, ['contact', 'add', 'C1', '--name', '刘阳', '--email', 'LiuYang@HQ.cn'])).code).toBe(1);
    expect((await crm(db, ['contact', 'update', '2', '--set', 'mobile=13800138000'])).code).toBe(1);
    expect(snapshot(db)).toEqual(before);
    // Its own mobile again is no duplicate; a colleague on the same office line is none either.
    expect((await crm(db, ['contact', 'update', '1', '--set', 'mobile=+86 138 0013 8000', 'title=经理'])).code).toBe(0);
    expect((await crm(db, ['contact', 'add', 'C1', '--name', '陈静', '--phone', '0755-83765432'])).code).toBe(0);
    expect((await crm(db, ['contact', 'add', 'C1', '--name', '王强', '--mobile', '13800138000', '--allow-duplicate'])).code).toBe(0);
  });

  test('history as a table names who and what', async () => {
    await crm(db, ['update', 'C1', '--set', 'industry=电子'], { login: 'zhangwei' });
    const r = await crm(db, ['history', 'C1']);
    const last = r.stdout.trim().split('\n').pop()!.split('\t');
    expect(last.slice(1)).toEqual(['zhangwei', 'update', 'Industry', '', '电子']);
    const zh = await crm(db, ['--lang', 'zh', 'history', 'C1']);
    expect(zh.stdout).toContain('所属行业');
    expect(zh.stdout).toMatch(/\tadd\t（新建）\t\t企业名称: 华强电子 /);
    expect(zh.stdout).toMatch(/联系人 #1 （新建）\t\t姓名: 王强 手机: 138 0013 8000/);
  });

  test('history shows values as the sheet does, and names deals and their fields', async () => {
    await crm(db, ['update', 'C1', '--set', 'status=followed']);
    await crm(db, ['deal', 'add', 'C1', '--date', '2026-11-02', '--amount', '50000', '--due', '2026-12-02']);
    const zh = (await crm(db, ['--lang', 'zh', 'history', 'C1'])).stdout;
    expect(zh).toMatch(/\t客户状态\t潜在客户\t已跟进未合作\n/);
    expect(zh).toMatch(/\t交易 #1 （新建）\t\t交易日期: 2026-11-02 金额: 50000 .*应收到期日: 2026-12-02/);
    expect(zh).toMatch(/\t客户状态\t已跟进未合作\t已合作/);
    expect(zh).not.toMatch(/potential|followed|cooperating|deal_date/);
  });
});
