import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { latestCredit } from '../../src/db/credit.js';
import { count, query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Credit {
  id: string;
  name: string;
  as_of: string;
  rating: string;
  score: number | null;
  credit_limit: number;
  payment_terms: string;
  unrated_reason: string | null;
  inputs: Record<string, number | null>;
  contributions: Record<string, number> | null;
}
interface Stored {
  customer_id: number;
  rated_on: string;
  score: number;
  rating: string;
  credit_limit: number;
  payment_terms: string;
  reasons: string;
  staff_id: number;
}

/** Deals and payments as the trade commands would write them, put in directly. */
function trade(path: string, customerId: number, deals: { date: string; amount: number; due?: string; competitor?: string; paid?: [string, number][] }[]): void {
  const db = new Database(path);
  try {
    const deal = db.prepare('INSERT INTO deals (customer_id, competitor, deal_date, amount, due_date, staff_id, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)');
    const pay = db.prepare('INSERT INTO payments (deal_id, paid_on, amount, staff_id, created_at) VALUES (?, ?, ?, 1, ?)');
    for (const d of deals) {
      const id = deal.run(customerId, d.competitor ?? null, d.date, d.amount, d.due ?? null, d.date).lastInsertRowid;
      for (const [on, amount] of d.paid ?? []) pay.run(id, on, amount, on);
    }
  } finally {
    db.close();
  }
}

const stored = (db: string) => query<Stored>(db, 'SELECT customer_id, rated_on, score, rating, credit_limit, payment_terms, reasons, staff_id FROM credit_ratings ORDER BY id');

describe('crm credit', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东']);
    await crm(db, ['add', '--name', '新客户', '--owner', 'zhangwei', '--region', '华南']);
    // C1 pays every invoice on its due date: 10 × 12万 over the year.
    trade(
      db,
      1,
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => ({ date: `2026-${m}-10`, amount: 120_000, due: `2026-${m}-25`, paid: [[`2026-${m}-25`, 120_000]] })),
    );
    trade(db, 1, [
      { date: '2025-11-24', amount: 100_000, due: '2025-12-09', paid: [['2025-12-09', 100_000]] }, // the first day of the 12 months
      { date: '2026-11-20', amount: 60_000, due: '2026-12-20' }, // not due yet: volume, not late
      { date: '2026-10-24', amount: 40_000, due: '2026-11-23' }, // due today: not late yet
      { date: '2025-11-23', amount: 900_000, due: '2025-12-23' }, // a day older than 12 months, never paid: ignored
      { date: '2026-06-01', amount: 900_000, due: '2026-07-01', competitor: '竞争对手' }, // not ours: ignored
      { date: '2026-06-01', amount: 900_000 }, // no due date: ignored
    ]);
    // C2 pays late, part of it not at all.
    trade(db, 2, [
      { date: '2026-02-01', amount: 100_000, due: '2026-03-03', paid: [['2026-05-02', 100_000]] }, // 60 days late
      { date: '2026-04-01', amount: 100_000, due: '2026-05-01', paid: [['2026-06-30', 100_000]] }, // 60 days late
      { date: '2026-06-01', amount: 100_000, due: '2026-07-01', paid: [['2026-07-01', 50_000]] }, // half on time, half 145 days overdue
      { date: '2026-08-01', amount: 100_000, due: '2026-08-31', paid: [['2026-12-15', 100_000]] }, // 84 days overdue (paid after the as-of date)
    ]);
  });

  test('a perfect payer: AAA with every input and its points, stored with its reasons, the reading logged', async () => {
    const c = json<Credit>(await crm(db, ['credit', 'C1', '--json'], { login: 'zhangwei' }));
    expect(c).toEqual({
      id: 'C000001',
      name: '华强电子',
      as_of: '2026-11-23',
      rating: 'AAA',
      score: 100,
      credit_limit: 350_000,
      payment_terms: '月结60天',
      unrated_reason: null,
      inputs: { on_time_share: 1, avg_days_late: 0, overdue: 0, overdue_share: 0, volume: 1_400_000, monthly_volume: 116_666.67, volume_factor: 1 },
      contributions: { on_time: 40, days_late: 25, overdue: 20, volume: 15 },
    });
    const [row] = stored(db);
    expect(row).toMatchObject({ customer_id: 1, rated_on: '2026-11-23', score: 100, rating: 'AAA', credit_limit: 350_000, payment_terms: '月结60天', staff_id: 2 });
    expect(JSON.parse(row!.reasons)).toEqual({ unrated_reason: null, inputs: c.inputs, contributions: c.contributions });
    expect(query(db, 'SELECT customer_id, action, basis FROM access_log')).toEqual([{ customer_id: 1, action: 'credit', basis: 'own' }]);
  });

  test('a chronic late payer: C, each figure traceable', async () => {
    expect(json<Credit>(await crm(db, ['credit', 'C2', '--json']))).toMatchObject({
      rating: 'C',
      score: 32.6,
      credit_limit: 0,
      payment_terms: '预付全款',
      // 5万 of 40万 on time; late 35万 for 27,650,000 yuan-days; 15万 still overdue.
      inputs: { on_time_share: 0.125, avg_days_late: 79, overdue: 150_000, overdue_share: 0.375, volume: 400_000 },
      contributions: { on_time: 5, days_late: 3.1, overdue: 12.5, volume: 12 },
    });
  });

  test('no trade: unrated with the reason, stored as unrated', async () => {
    expect(json<Credit>(await crm(db, ['credit', 'C3', '--json']))).toMatchObject({ rating: 'unrated', score: null, credit_limit: 0, unrated_reason: 'no_trade', contributions: null });
    expect(stored(db)).toEqual([expect.objectContaining({ customer_id: 3, rating: 'unrated', credit_limit: 0, payment_terms: '款到发货' })]);
  });

  test('explains the rating on the terminal, input by input', async () => {
    const r = await crm(db, ['credit', 'C1']);
    expect(r.stdout.split('\n')).toEqual([
      'C000001 华强电子: credit rating AAA, score 100.0/100 (rated 2026-11-23)',
      'suggested credit limit 350,000.00, payment terms: monthly statement, 60 days',
      'Input\tValue\tMax\tPoints',
      'paid on time\t100.0%\t40\t40.0',
      'average days late\t0.0 days\t25\t25.0',
      'overdue now\t0.00 (0.0% of volume)\t20\t20.0',
      'volume, last 12 months\t1,400,000.00 (116,666.67 a month)\t15\t15.0',
      'Total\t\t100\t100.0',
      '',
    ]);
    const zh = await crm(db, ['credit', 'C2', '--lang', 'zh']);
    expect(zh.stdout).toContain('C000002 中兴贸易：信用评级 C，得分 32.6/100');
    expect(zh.stdout).toContain('付款条件：预付全款');
    expect(zh.stdout).toContain('逾期付款平均天数\t79.0 天\t25\t3.1');
    expect((await crm(db, ['credit', 'C3'])).stdout).toMatch(/^C000003 新客户: unrated \(2026-11-23\): no deal with a due date/);
  });

  test('an overpaid invoice does not make up for an unpaid one', async () => {
    trade(db, 3, [
      { date: '2026-08-01', amount: 100_000, due: '2026-09-01', paid: [['2026-09-01', 150_000]] },
      { date: '2026-08-01', amount: 100_000, due: '2026-09-01' },
    ]);
    expect(json<Credit>(await crm(db, ['credit', 'C3', '--json'])).inputs).toMatchObject({ on_time_share: 0.5, overdue: 100_000 });
  });

  test.each([
    ['neither an id nor --all', ['credit'], 2, /--all/],
    ['both an id and --all', ['credit', 'C1', '--all'], 2, /either a customer id or --all/],
    ['a bad id', ['credit', 'X-1'], 2, /not a customer id/],
    ['an unknown customer', ['credit', 'C000099'], 1, /no customer C000099/],
  ])('refuses %s with exit %i, storing nothing', async (_what, argv, code, message) => {
    const r = await crm(db, argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(count(db, 'credit_ratings')).toBe(0);
  });

  test('a customer out of scope: exit 3, the refusal logged, nothing stored', async () => {
    const r = await crm(db, ['credit', 'C2'], { login: 'zhangwei' });
    expect(r.code).toBe(3);
    expect(count(db, 'credit_ratings')).toBe(0);
    expect(query(db, 'SELECT customer_id, action, basis FROM access_log')).toEqual([{ customer_id: 2, action: 'credit', basis: 'denied' }]);
  });

  test('--all rates every customer in one go, one stored row each, the same figures as one by one', async () => {
    expect(json(await crm(db, ['credit', '--all', '--json']))).toEqual({
      as_of: '2026-11-23',
      rated: 3,
      by_rating: { AAA: 1, AA: 0, A: 0, B: 0, C: 1, unrated: 1 },
    });
    const all = stored(db);
    expect(all.map((r) => [r.customer_id, r.rated_on, r.rating])).toEqual([
      [1, '2026-11-23', 'AAA'],
      [2, '2026-11-23', 'C'],
      [3, '2026-11-23', 'unrated'],
    ]);
    for (const id of ['C1', 'C2', 'C3']) await crm(db, ['credit', id]);
    const single = stored(db).slice(3);
    const figures = (r: Stored) => [r.customer_id, r.score, r.rating, r.credit_limit, r.payment_terms, JSON.parse(r.reasons)];
    expect(single.map(figures)).toEqual(all.map(figures));
    // Counts per rating show no customer's data: not a consultation.
    expect(query(db, "SELECT count(*) AS n FROM access_log WHERE action = 'credit'")).toEqual([{ n: 3 }]);
  });

  test('--all covers only the customers the caller may change; the table shows the distribution', async () => {
    const r = await crm(db, ['credit', '--all'], { login: 'zhangwei' });
    expect(r.stdout.split('\n')).toEqual(['rated 2 customers as of 2026-11-23; customers per rating:', 'Rating\tCustomers', 'AAA\t1', 'AA\t0', 'A\t0', 'B\t0', 'C\t0', 'unrated\t1', '']);
    expect(stored(db).map((s) => s.customer_id)).toEqual([1, 3]);
    expect(json(await crm(db, ['credit', '--all', '--json'], { login: 'guest' }))).toMatchObject({ rated: 0 });
  });

  test('--all leaves archived files out, as list and the quarterly review do; one by id is still rated', async () => {
    expect((await crm(db, ['archive', 'C2', '--reason', '公司已注销'])).code).toBe(0);
    expect(json(await crm(db, ['credit', '--all', '--json']))).toEqual({ as_of: '2026-11-23', rated: 2, by_rating: { AAA: 1, AA: 0, A: 0, B: 0, C: 0, unrated: 1 } });
    expect(stored(db).map((s) => s.customer_id)).toEqual([1, 3]);
    expect(json<Credit>(await crm(db, ['credit', 'C2', '--json'])).rating).toBe('C');
    expect((await crm(db, ['unarchive', 'C2'])).code).toBe(0);
    expect(json(await crm(db, ['credit', '--all', '--json']))).toMatchObject({ rated: 3 });
  });

  test('latestCredit gives the newest stored rating, for show and the monthly report', async () => {
    await crm(db, ['credit', 'C2']);
    trade(db, 2, [{ date: '2026-12-01', amount: 100_000, due: '2026-12-10', paid: [['2026-12-10', 100_000]] }]);
    await crm(db, ['credit', 'C2'], { now: new Date('2026-12-31T10:00:00+08:00') });
    await crm(db, ['credit', 'C3']);
    const raw = new Database(db, { readonly: true });
    try {
      expect(latestCredit(raw, 2)).toMatchObject({ rated_on: '2026-12-31', rating: 'C', reasons: { inputs: expect.objectContaining({ volume: 500_000 }) } });
      expect(latestCredit(raw, 3)).toMatchObject({ rating: 'unrated', score: null });
      expect(latestCredit(raw, 1)).toBeUndefined();
    } finally {
      raw.close();
    }
  });
});
