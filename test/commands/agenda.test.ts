// crm agenda and crm ack. Visits and notes are inserted directly: their own commands have tests
// of their own.
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

const dir = useTempDir();

interface Agenda {
  date: string;
  items: { kind: string; date: string | null; customer_id: string; detail: string; ref: number | null }[];
}

function insert(db: string, sql: string, ...params: unknown[]): void {
  const raw = new Database(db);
  raw.prepare(sql).run(...params);
  raw.close();
}

const VISIT = `INSERT INTO visits (customer_id, rep_id, visited_on, status_then, next_steps, follow_up_on, abnormal, staff_id, created_at)
               VALUES (?, (SELECT id FROM staff WHERE login = ?), ?, 'potential', ?, ?, ?, 1, '2026-11-01')`;
const NOTE = `INSERT INTO notes (customer_id, kind, noted_on, text, complaint_status, abnormal, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, '2026-11-01')`;

test('a rep’s agenda: follow-ups, visits due, complaints, birthdays, staff contacts — and no escalations', async () => {
  const db = await seededDb(dir());
  await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--grade', 'A', '--status', 'cooperating', '--contact-name', '王强', '--contact-decision-maker', '--contact-birthday', '11-25']);
  await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--grade', 'A', '--contact-name', '陈静', '--contact-decision-maker', '--contact-birthday', '11-26']);
  insert(db, VISIT, 1, 'zhangwei', '2026-11-02', '寄样品', '2026-11-25', 1);
  insert(db, VISIT, 1, 'zhangwei', '2026-11-03', '报价', '2026-12-20', 0);
  insert(db, NOTE, 1, 'complaint', '2026-11-10', '交货延迟', 'open', 0);
  insert(db, NOTE, 2, 'complaint', '2026-11-11', '别人的投诉', 'open', 0);

  const agenda = json<Agenda>(await crm(db, ['agenda', '--days', '7', '--json'], { login: 'zhangwei' }));
  const kinds = agenda.items.map((i) => [i.kind, i.customer_id, i.date]);
  expect(kinds).toEqual([
    ['follow_up', 'C000001', '2026-11-25'],
    // A signed A customer needs 2 visits a month (POLICY §5): 2 done, so not due.
    ['complaint', 'C000001', '2026-11-10'],
    ['birthday', 'C000001', '11-25'],
    ['staff_contacts', 'C000001', null],
  ]);
  expect(agenda.items[0]!.detail).toBe('寄样品');
  // A complaint's status in the user's language, as crm complaint list says it.
  const zh = await crm(db, ['agenda', '--days', '7', '--lang', 'zh'], { login: 'zhangwei' });
  expect(zh.stdout).toMatch(/未结投诉\t2026-11-10\tC000001 华强电子\t待处理: 交货延迟/);
  expect(zh.stdout).not.toMatch(/open/);
});

test('visits due shows done against the minimum', async () => {
  const db = await seededDb(dir());
  await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--grade', 'B', '--status', 'cooperating']);
  insert(db, VISIT, 1, 'zhangwei', '2026-11-02', null, null, 0);
  const agenda = json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'zhangwei' }));
  expect(agenda.items).toContainEqual(expect.objectContaining({ kind: 'visits_due', customer_id: 'C000001', detail: '1/2' }));
});

test('a manager sees flagged relationships until acknowledging them', async () => {
  const db = await seededDb(dir());
  await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南']);
  insert(db, VISIT, 1, 'zhangwei', '2026-11-02', null, null, 1);
  insert(db, NOTE, 1, 'call', '2026-11-05', '对方要求更换对接人', null, 1);
  const escalations = async () =>
    json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'wangfang' })).items.filter((i) => i.kind === 'escalation').map((i) => i.ref);
  expect(await escalations()).toEqual([1, 1]);
  // Which record was flagged, in the user's language (crm ack visit|note ID).
  const zh = (await crm(db, ['agenda', '--lang', 'zh'], { login: 'wangfang' })).stdout;
  expect(zh).toMatch(/关系异常上报\t2026-11-02\tC000001 华强电子\t拜访 1：\n/);
  expect(zh).toMatch(/关系异常上报\t2026-11-05\tC000001 华强电子\t记录 1：对方要求更换对接人/);
  expect(zh).not.toMatch(/visit|note/);
  const en = json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'wangfang' })).items.filter((i) => i.kind === 'escalation');
  expect(en.map((i) => [i.detail, (i as { ref_kind?: string }).ref_kind])).toEqual([['visit 1: ', 'visit'], ['note 1: 对方要求更换对接人', 'note']]);
  expect((await crm(db, ['ack', 'visit', '1'], { login: 'zhangwei' })).code).toBe(3);
  expect((await crm(db, ['ack', 'visit', '1'], { login: 'wangfang' })).code).toBe(0);
  expect((await crm(db, ['ack', 'visit', '1'], { login: 'wangfang' })).code).toBe(1);
  expect(await escalations()).toEqual([1]);
  expect((await crm(db, ['ack', 'note', '1'], { login: 'wangfang' })).code).toBe(0);
  expect(await escalations()).toEqual([]);
  expect(query(db, "SELECT entity, field, new_value FROM history WHERE command = 'ack'")).toEqual([
    { entity: 'visit', field: 'acknowledged', new_value: 'true' },
    { entity: 'note', field: 'acknowledged', new_value: 'true' },
  ]);
  expect((await crm(db, ['ack', 'meeting', '1'], { login: 'wangfang' })).code).toBe(2);
  expect((await crm(db, ['ack', 'note', '99'], { login: 'wangfang' })).code).toBe(1);
});

test('birthdays across the turn of the year', async () => {
  const db = await seededDb(dir());
  await crm(db, ['add', '--name', '华强电子', '--contact-name', '王强', '--contact-decision-maker', '--contact-birthday', '1980-01-02']);
  const r = await crm(db, ['agenda', '--days', '14', '--json'], { now: new Date('2026-12-25T10:00:00+08:00') });
  expect(json<Agenda>(r).items).toContainEqual(expect.objectContaining({ kind: 'birthday', date: '01-02' }));
  expect((await crm(db, ['agenda', '--days', 'x'])).code).toBe(2);
});
