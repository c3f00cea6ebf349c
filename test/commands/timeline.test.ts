import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Event {
  date: string;
  kind: string;
  summary: string;
  id: number;
}

/** Rows of tables whose commands are written elsewhere, inserted as those commands would. */
function insertRows(path: string, work: (raw: Database.Database) => void): void {
  const raw = new Database(path);
  try {
    raw.transaction(() => work(raw))();
  } finally {
    raw.close();
  }
}

describe('crm timeline', () => {
  const dir = useTempDir();
  let db = '';
  const at = '2026-01-01T09:00:00+08:00';

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东']);
  });

  test('every kind of event, newest first, each with its summary', async () => {
    insertRows(db, (raw) => {
      const visit = raw.prepare(
        'INSERT INTO visits (customer_id, rep_id, visited_on, status_then, planned, actual, abnormal, staff_id, created_at) VALUES (1, 2, ?, ?, ?, ?, ?, 2, ?)',
      );
      visit.run('2026-03-10', 'potential', '介绍新产品', '客户同意试用样品', 0, at);
      visit.run('2026-09-01', 'followed', '催收货款', null, 1, at);
      const deal = raw.prepare('INSERT INTO deals (customer_id, competitor, deal_date, amount, business_line, staff_id, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)');
      deal.run(1, null, '2026-05-20', 500000, '电子元件', at);
      deal.run(1, '富士康', '2026-06-15', 80000, null, at);
      deal.run(2, null, '2026-05-21', 1, null, at); // another customer's: not on this timeline
      raw.prepare(
        "INSERT INTO evaluations (customer_id, staff_id, os_login, evaluated_on, method, total, grade, created_at) VALUES (1, 1, 'admin', '2026-07-01', 'score', 86.5, 'A', ?)",
      ).run(at);
    });
    await crm(db, ['note', 'C1', '--kind', 'letter', '--text', '寄出报价单\n第二页', '--date', '2026-04-02']);
    await crm(db, ['note', 'C1', '--kind', 'complaint', '--text', '交货延误', '--date', '2026-08-01']);
    await crm(db, ['complaint', 'handle', '2', '--resolution', '补发', '--date', '2026-08-03']);
    await crm(db, ['survey', 'add', 'C1', '--score', '4', '--text', '满意', '--date', '2026-10-10']);
    await crm(db, ['note', 'C2', '--kind', 'call', '--text', '别家客户', '--date', '2026-10-11']);
    await crm(db, ['status', 'C1', 'followed']);
    await crm(db, ['update', 'C1', '--set', 'grade=B', 'industry=电子']);

    const events = json<Event[]>(await crm(db, ['timeline', 'C1', '--json'], { login: 'zhangwei' }));
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(events.some((e) => e.summary.includes('别家客户') || e.summary.includes('1.00'))).toBe(false);

    const byKind = (kind: string) => events.filter((e) => e.kind === kind);
    // The changes of today first (the latest recorded first), then the dated events.
    expect(events.slice(0, 5).map((e) => e.kind)).toEqual(['field', 'grade', 'status', 'created', 'survey']);
    expect(byKind('status')[0]!.summary).toBe('Status: potential → followed up');
    expect(byKind('grade')[0]!.summary).toMatch(/: — → B$/);
    expect(byKind('field')[0]!.summary).toMatch(/: — → 电子$/);
    expect(byKind('created')).toHaveLength(1);
    expect(events.slice(4).map((e) => [e.date, e.kind])).toEqual([
      ['2026-10-10', 'survey'],
      ['2026-09-01', 'visit'],
      ['2026-08-01', 'complaint'],
      ['2026-07-01', 'evaluation'],
      ['2026-06-15', 'competitor-deal'],
      ['2026-05-20', 'deal'],
      ['2026-04-02', 'letter'],
      ['2026-03-10', 'visit'],
    ]);
    const summary = (date: string) => events.find((e) => e.date === date)!.summary;
    expect(summary('2026-10-10')).toBe('satisfaction 4/5 — 满意');
    expect(summary('2026-09-01')).toBe('(planned) 催收货款 — zhangwei [abnormal]');
    expect(summary('2026-08-01')).toBe('[handled] 交货延误 — resolution: 补发');
    expect(summary('2026-07-01')).toBe('graded A (score 86.5)');
    expect(summary('2026-06-15')).toBe('富士康 · 80,000.00');
    expect(summary('2026-05-20')).toBe('500,000.00 · 电子元件');
    expect(summary('2026-04-02')).toBe('寄出报价单 第二页');
    expect(summary('2026-03-10')).toBe('客户同意试用样品 — zhangwei');
    expect(events.find((e) => e.kind === 'complaint')!.id).toBe(2);
  });

  test('changes of the file say values as the sheet does and name every field, archiving included', async () => {
    await crm(db, ['update', 'C1', '--set', 'phone=0755-83765432']);
    await crm(db, ['archive', 'C1', '--reason', '公司已注销']);
    const zh = json<Event[]>(await crm(db, ['timeline', 'C1', '--json', '--lang', 'zh'])).map((e) => e.summary);
    expect(zh).toContain('电话: — → 0755 8376 5432');
    expect(zh).toContain('归档原因: — → 公司已注销');
    expect(zh.join('\n')).not.toMatch(/\+86|archive_reason|archived_at/);
  });

  test('text output: one line per event, date and kind first, in the user language', async () => {
    await crm(db, ['note', 'C1', '--kind', 'fax', '--text', '传真订单', '--date', '2026-11-01']);
    await crm(db, ['survey', 'add', 'C1', '--score', '5', '--date', '2026-11-02']);
    const en = await crm(db, ['timeline', 'C1']);
    const lines = en.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2026-11-23 {2}created {2}customer file created$/);
    expect(lines[1]).toBe('2026-11-02  survey  satisfaction 5/5');
    expect(lines[2]).toBe('2026-11-01  fax  传真订单');
    const zh = await crm(db, ['timeline', 'C1', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/2026-11-01 {2}传真 {2}传真订单/);
  });

  test('a timeline is a consultation: logged, and refused outside the read scope', async () => {
    const ok = await crm(db, ['timeline', 'C1'], { login: 'wangfang' });
    expect(ok.code).toBe(0);
    const refused = await crm(db, ['timeline', 'C1'], { login: 'lina' });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(query(db, "SELECT s.login, l.customer_id, l.basis FROM access_log l JOIN staff s ON s.id = l.staff_id WHERE l.action = 'timeline' ORDER BY l.id")).toEqual([
      { login: 'wangfang', customer_id: 1, basis: 'region' },
      { login: 'lina', customer_id: 1, basis: 'denied' },
    ]);
    expect((await crm(db, ['timeline', 'C9'])).code).toBe(1);
  });

  test('5,000 events come back in order, quickly', async () => {
    insertRows(db, (raw) => {
      const note = raw.prepare("INSERT INTO notes (customer_id, kind, noted_on, text, staff_id, created_at) VALUES (1, 'call', ?, ?, 1, ?)");
      const visit = raw.prepare("INSERT INTO visits (customer_id, rep_id, visited_on, status_then, actual, staff_id, created_at) VALUES (1, 2, ?, 'followed', ?, 2, ?)");
      const deal = raw.prepare('INSERT INTO deals (customer_id, deal_date, amount, staff_id, created_at) VALUES (1, ?, 1000, 1, ?)');
      const other = raw.prepare("INSERT INTO notes (customer_id, kind, noted_on, text, staff_id, created_at) VALUES (2, 'call', '2020-01-01', 'x', 1, ?)");
      for (let i = 0; i < 5000; i++) {
        const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        if (i % 3 === 0) visit.run(day, `visit ${i}`, at);
        else if (i % 3 === 1) note.run(day, `note ${i}`, at);
        else deal.run(day, at);
        other.run(at);
      }
    });
    const started = performance.now();
    const r = await crm(db, ['timeline', 'C1', '--json']);
    const elapsed = performance.now() - started;
    const events = json<Event[]>(r);
    expect(events).toHaveLength(5001); // and the creation of the file
    expect(events[1]!.summary).toBe('note 4999');
    expect(events.at(-1)!.summary).toBe('visit 0 — zhangwei');
    expect(elapsed).toBeLessThan(1500);
  });
});
