import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { complaintSummary, openComplaintsFor, satisfaction } from '../../src/db/notes.js';
import { roleScope } from '../../src/domain/scope.js';
import { count, query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Change {
  staff: string;
  command: string;
  entity: string;
  entity_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
}
interface NoteRow {
  id: number;
  customer_id: number;
  kind: string;
  noted_on: string;
  contact_id: number | null;
  text: string;
  abnormal: number;
  complaint_status: string | null;
  handler_id: number | null;
  resolution: string | null;
  handled_on: string | null;
  closed_on: string | null;
  staff_id: number;
}

describe('crm note, complaint and survey', () => {
  const dir = useTempDir();
  let db = '';
  const notes = () => query<NoteRow>(db, 'SELECT * FROM notes ORDER BY id');
  const staffId = (login: string) => query<{ id: number }>(db, 'SELECT id FROM staff WHERE login = ?', login)[0]!.id;

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--contact-name', '王强', '--contact-mobile', '13800138000']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--contact-name', '李雷', '--contact-mobile', '13900139000']);
  });

  test('a note is stored with its kind (Chinese accepted), date, contact and creator, and in the history', async () => {
    const r = await crm(db, ['note', 'C1', '--kind', '电话', '--text', '客户来电询价', '--date', '2026-11-20', '--contact', '1', '--json'], { login: 'zhangwei' });
    expect(json(r)).toMatchObject({ id: 1, customer: 'C000001', kind: 'call', date: '2026-11-20', contact: 1, abnormal: false, complaint_status: null });
    expect(notes()).toEqual([
      expect.objectContaining({ customer_id: 1, kind: 'call', noted_on: '2026-11-20', contact_id: 1, text: '客户来电询价', abnormal: 0, complaint_status: null, staff_id: staffId('zhangwei') }),
    ]);
    const history = json<Change[]>(await crm(db, ['history', 'C1', '--json']));
    const created = history.find((h) => h.entity === 'note');
    expect(created).toMatchObject({ staff: 'zhangwei', command: 'note', entity_id: 1, field: '*', old_value: null });
    expect(JSON.parse(created!.new_value!)).toMatchObject({ kind: 'call', text: '客户来电询价', noted_on: '2026-11-20' });
  });

  test('the date defaults to today; a change of the customer is a note too, and the text output names it', async () => {
    const r = await crm(db, ['note', 'C1', '--kind', 'change', '--text', '总经理换人:新任 刘总']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recorded note #1 \(change\) for C000001/);
    expect(notes()[0]).toMatchObject({ kind: 'change', noted_on: '2026-11-23' });
  });

  test('--abnormal flags the note (关系异常)', async () => {
    const r = await crm(db, ['note', 'C1', '--kind', 'meeting', '--text', '采购经理态度冷淡', '--abnormal'], { login: 'zhangwei' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/abnormal relationship/);
    expect(notes()[0]!.abnormal).toBe(1);
  });

  test.each([
    [['--kind', 'call'], 2, /--text is missing/],
    [['--kind', 'call', '--text', '   '], 2, /--text is missing/],
    [['--text', 'hello'], 2, /--kind is missing/],
    [['--kind', 'sms', '--text', 'hello'], 2, /"sms" is not a kind/],
    [['--kind', 'call', '--text', 'hello', '--date', '2026-02-30'], 2, /not a real date/],
    [['--kind', 'call', '--text', 'hello', '--date', '2026-11-24'], 2, /after today \(2026-11-23\)/],
    [['--kind', 'call', '--text', 'hello', '--contact', '2'], 2, /not a contact of C000001/],
    [['--kind', 'call', '--text', 'hello', '--contact', '99'], 2, /not a contact of C000001/],
  ])('note %j is refused with exit %d, writing nothing', async (flags, code, message) => {
    const r = await crm(db, ['note', 'C1', ...flags], { login: 'zhangwei' });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(count(db, 'notes')).toBe(0);
  });

  test('a note on a customer outside the change scope is refused (exit 3) and the refusal logged', async () => {
    const r = await crm(db, ['note', 'C1', '--kind', 'call', '--text', 'hello'], { login: 'lina' });
    expect(r.code).toBe(3);
    expect(count(db, 'notes')).toBe(0);
    expect(query(db, "SELECT action, basis FROM access_log WHERE customer_id = 1 AND basis = 'denied'")).toEqual([{ action: 'note', basis: 'denied' }]);
    // The general manager may read every file but the guest nothing.
    expect((await crm(db, ['note', 'C1', '--kind', 'call', '--text', 'hello'], { login: 'guest' })).code).toBe(3);
  });

  test('a complaint goes open → handled → closed, each step in the history', async () => {
    const added = json<{ id: number; complaint_status: string }>(
      await crm(db, ['note', 'C1', '--kind', '投诉', '--text', '交货延误两周', '--date', '2026-11-10', '--json'], { login: 'zhangwei' }),
    );
    expect(added.complaint_status).toBe('open');

    const early = await crm(db, ['complaint', 'close', String(added.id)], { login: 'zhangwei' });
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/has not been handled yet/);
    expect(notes()[0]!.complaint_status).toBe('open');

    const handled = await crm(db, ['complaint', 'handle', String(added.id), '--resolution', '已补发并赔偿运费', '--date', '2026-11-12'], { login: 'wangfang' });
    expect(handled.code).toBe(0);
    expect(handled.stdout).toMatch(/handled by wangfang on 2026-11-12/);
    expect(notes()[0]).toMatchObject({ complaint_status: 'handled', handler_id: staffId('wangfang'), resolution: '已补发并赔偿运费', handled_on: '2026-11-12', closed_on: null });

    const again = await crm(db, ['complaint', 'handle', String(added.id), '--resolution', 'x'], { login: 'zhangwei' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already handled on 2026-11-12/);

    const closeTooEarly = await crm(db, ['complaint', 'close', String(added.id), '--date', '2026-11-11']);
    expect(closeTooEarly.code).toBe(2);

    const closed = await crm(db, ['complaint', 'close', `#${added.id}`, '--date', '2026-11-15', '--json'], { login: 'zhangwei' });
    expect(json(closed)).toEqual({ id: added.id, customer: 'C000001', status: 'closed', closed_on: '2026-11-15' });
    expect(notes()[0]).toMatchObject({ complaint_status: 'closed', closed_on: '2026-11-15' });

    const history = json<Change[]>(await crm(db, ['history', 'C1', '--json'])).filter((h) => h.entity === 'note' && h.field !== '*');
    expect(history.map((h) => [h.command, h.staff, h.field, h.old_value, h.new_value])).toEqual([
      ['complaint handle', 'wangfang', 'complaint_status', 'open', 'handled'],
      ['complaint handle', 'wangfang', 'handler_id', null, String(staffId('wangfang'))],
      ['complaint handle', 'wangfang', 'resolution', null, '已补发并赔偿运费'],
      ['complaint handle', 'wangfang', 'handled_on', null, '2026-11-12'],
      ['complaint close', 'zhangwei', 'complaint_status', 'handled', 'closed'],
      ['complaint close', 'zhangwei', 'closed_on', null, '2026-11-15'],
    ]);
    expect((await crm(db, ['complaint', 'close', String(added.id)])).code).toBe(1);
  });

  test('crm history names the fields of notes, surveys and evaluations in the user\'s language', async () => {
    await crm(db, ['note', 'C1', '--kind', '投诉', '--text', '交货延误两周', '--date', '2026-11-10', '--contact', '1'], { login: 'zhangwei' });
    await crm(db, ['survey', 'add', 'C1', '--score', '4'], { login: 'zhangwei' });
    await crm(db, ['classify', 'C1', '--score', 'size=90', 'credit=85', 'volume=70', 'influence=80']);
    const zh = await crm(db, ['--lang', 'zh', 'history', 'C1']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('类别: 投诉 日期: 2026-11-10 联系人编号: 1 内容: 交货延误两周 投诉状态: 待处理');
    expect(zh.stdout).toContain('调查日期: 2026-11-23 满意度评分: 4');
    expect(zh.stdout).toMatch(/评估方式: score 公司规模: 90 资信状况: 85 货量规模: 70 行业影响力: 80 总分: 81.25/);
    // The customer's own id is implied by the history being of that customer.
    expect(zh.stdout).not.toContain('customer_id');
    const en = await crm(db, ['history', 'C1']);
    expect(en.stdout).toContain('kind: complaint date: 2026-11-10 contact id: 1 text: 交货延误两周 complaint status: open');
  });

  test.each([
    [['complaint', 'handle', '1'], 'zhangwei', 2, /--resolution is missing/],
    [['complaint', 'handle', '1', '--resolution', 'x'], 'lina', 3, /C000001/],
    [['complaint', 'close', '1'], 'lina', 3, /C000001/],
    [['complaint', 'handle', '2', '--resolution', 'x'], 'zhangwei', 1, /not a complaint/],
    [['complaint', 'handle', '99', '--resolution', 'x'], 'zhangwei', 1, /no note #99/],
    [['complaint', 'handle', 'abc', '--resolution', 'x'], 'zhangwei', 2, /not a complaint number/],
    [['complaint', 'handle', '1', '--resolution', 'x', '--date', '2026-11-01'], 'zhangwei', 2, /before the previous step \(2026-11-10\)/],
  ])('%j by %s is refused with exit %d', async (argv, login, code, message) => {
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', '质量问题', '--date', '2026-11-10'], { login: 'zhangwei' });
    await crm(db, ['note', 'C1', '--kind', 'call', '--text', '回访'], { login: 'zhangwei' });
    const r = await crm(db, argv, { login });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(notes()[0]!.complaint_status).toBe('open');
  });

  test('complaint list shows what the caller may read; --open leaves out closed ones; each customer is logged', async () => {
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', '华强投诉一', '--date', '2026-11-01']);
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', '华强投诉二', '--date', '2026-11-05']);
    await crm(db, ['note', 'C2', '--kind', 'complaint', '--text', '中兴投诉', '--date', '2026-11-03']);
    await crm(db, ['note', 'C1', '--kind', 'call', '--text', '不是投诉']);
    await crm(db, ['complaint', 'handle', '1', '--resolution', '退款']);
    await crm(db, ['complaint', 'close', '1']);

    const all = json<{ id: number; customer: string; status: string; handler: string | null }[]>(await crm(db, ['complaint', 'list', '--json'], { login: 'zhaomin' }));
    expect(all.map((c) => [c.id, c.customer, c.status])).toEqual([
      [2, 'C000001', 'open'],
      [3, 'C000002', 'open'],
      [1, 'C000001', 'closed'],
    ]);
    expect(all[2]!.handler).toBe('admin');

    const open = json<{ id: number }[]>(await crm(db, ['complaint', 'list', '--open', '--json'], { login: 'zhaomin' }));
    expect(open.map((c) => c.id)).toEqual([2, 3]);

    const lina = json<{ id: number }[]>(await crm(db, ['complaint', 'list', '--json'], { login: 'lina' }));
    expect(lina.map((c) => c.id)).toEqual([3]);
    expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'complaint list' AND staff_id = ? ORDER BY id", staffId('lina'))).toEqual([
      { customer_id: 2, basis: 'own' },
    ]);

    const text = await crm(db, ['complaint', 'list', '--open'], { login: 'zhangwei' });
    expect(text.stdout).toMatch(/华强投诉二/);
    expect(text.stdout).not.toMatch(/华强投诉一|中兴投诉/);
    // Nothing found is said on stderr: a listing piped elsewhere stays empty.
    const none = await crm(db, ['complaint', 'list'], { login: 'guest' });
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/No complaints/);
  });

  test('survey add records a 1–5 score; the summaries for show, reports and the agenda count them', async () => {
    const r = await crm(db, ['survey', 'add', 'C1', '--score', '4', '--text', '服务及时', '--date', '2026-10-01', '--json'], { login: 'zhangwei' });
    expect(json(r)).toMatchObject({ id: 1, customer: 'C000001', score: 4, date: '2026-10-01', text: '服务及时' });
    expect((await crm(db, ['survey', 'add', 'C1', '--score', '5'])).stdout).toMatch(/Recorded survey #2 for C000001: score 5/);
    await crm(db, ['survey', 'add', 'C1', '--score', '２', '--date', '2026-11-01']);
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', 'a']);
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', 'b']);
    await crm(db, ['note', 'C2', '--kind', 'complaint', '--text', 'c']);
    await crm(db, ['complaint', 'handle', '2', '--resolution', 'ok']);

    expect(query(db, 'SELECT entity, field FROM history WHERE entity = ? ORDER BY id', 'survey')).toHaveLength(3);
    const handle = openDatabase(db);
    try {
      expect(satisfaction(handle, 1)).toEqual({ surveys: 3, average: 3.7, last: { date: '2026-11-23', score: 5 } });
      expect(satisfaction(handle, 2)).toEqual({ surveys: 0, average: null, last: null });
      expect(complaintSummary(handle, 1)).toEqual({ open: 1, handled: 1, closed: 0 });
      expect(complaintSummary(handle, 2)).toEqual({ open: 1, handled: 0, closed: 0 });
      const rep = { staffId: 2, login: 'zhangwei', role: 'rep' as const, region: '华南', productLine: null };
      expect(openComplaintsFor(handle, roleScope(rep)).map((c) => [c.id, c.complaint_status])).toEqual([
        [1, 'open'],
        [2, 'handled'],
      ]);
    } finally {
      handle.close();
    }
  });

  test.each([['6'], ['0'], ['4.5'], ['good']])('survey --score %s is refused with exit 2', async (score) => {
    const r = await crm(db, ['survey', 'add', 'C1', '--score', score]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 to 5/);
    expect(count(db, 'surveys')).toBe(0);
  });

  test('survey without --score is exit 2 saying how to give it; outside the scope exit 3', async () => {
    for (const argv of [[], ['--score', ''], ['--score', ' ']]) {
      const r = await crm(db, ['survey', 'add', 'C1', ...argv]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^error: the satisfaction score is missing: give it with --score as a whole number from 1 to 5 .*e\.g\. --score 4\.\n$/)]);
    }
    expect((await crm(db, ['--lang', 'zh', 'survey', 'add', 'C1'])).stderr).toMatch(/缺少满意度分数：请用 --score 给出 1 到 5 的整数/);
    expect((await crm(db, ['survey', 'add', 'C1', '--score', '3'], { login: 'lina' })).code).toBe(3);
    expect(count(db, 'surveys')).toBe(0);
  });

  test('the schema refuses a score the command would not store', () => {
    const raw = new Database(db);
    try {
      expect(() => raw.prepare("INSERT INTO surveys (customer_id, surveyed_on, score, staff_id, created_at) VALUES (1, '2026-01-01', 6, 1, 'x')").run()).toThrow(/CHECK/);
    } finally {
      raw.close();
    }
  });
});
