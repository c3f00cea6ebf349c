// crm classify: the evaluation form (flags and the interactive walk) and the quarterly review.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { gradeHistory, TRADE_VALUES_SQL } from '../../src/db/evaluations.js';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';
import { scriptedPrompter } from '../support/scripted-prompter.js';

const SCORES = ['size=90', 'credit=85', 'volume=90', 'influence=80']; // 86.25 with equal weights

interface Evaluated {
  id: string;
  total: number;
  grade: string;
  previous_grade: string | null;
  evaluation_id: number;
}

interface Review {
  quarter: string;
  by: string;
  due: { id: string; name: string; grade: string | null; last_evaluated: string | null; value: number | null; share: number | null; proposed: string | null; change: string | null }[];
  applied: boolean;
}

const dir = useTempDir();
let db = '';

const must = async (argv: string[], login = 'admin') => {
  const r = await crm(db, argv, { login });
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r;
};
const grades = () => Object.fromEntries(query<{ id: number; grade: string | null }>(db, 'SELECT id, grade FROM customers ORDER BY id').map((r) => [r.id, r.grade]));
/** Row counts apart from the access log, which records consultations and refusals too. */
const stored = () => ({ ...snapshot(db), access_log: 0 });

beforeEach(async () => {
  db = await seededDb(dir());
  // C1–C4 are zhangwei's (华南), C5 is lina's (华东).
  await must(['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'B']);
  await must(['add', '--name', '北方机械', '--owner', 'zhangwei', '--region', '华南', '--grade', 'C']);
  await must(['add', '--name', '南方仪器', '--owner', 'zhangwei', '--region', '华南']);
  await must(['add', '--name', '深圳五金', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A']);
  await must(['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--grade', 'A']);
});

describe('crm classify ID --score', () => {
  test('stores the evaluation, sets the grade, and the history shows B → A', async () => {
    const r = await must(['classify', 'C000001', '--score', ...SCORES, '--note', '年度评估'], 'zhangwei');
    expect(r.stdout.trim()).toBe('C000001: B → A (total 86.25)');
    expect(grades()[1]).toBe('A');
    const [row] = query(db, 'SELECT e.*, s.login FROM evaluations e JOIN staff s ON s.id = e.staff_id');
    expect(row).toMatchObject({
      customer_id: 1,
      login: 'zhangwei',
      os_login: 'zhangwei',
      evaluated_on: '2026-11-23',
      method: 'score',
      total: 86.25,
      grade: 'A',
      note: '年度评估',
    });
    expect(JSON.parse(String(row!.scores))).toEqual({ size: 90, credit: 85, volume: 90, influence: 80 });
    expect(JSON.parse(String(row!.weights))).toEqual({ size: 25, credit: 25, volume: 25, influence: 25 });
    const history = json<{ command: string; entity: string; field: string; old_value: string | null; new_value: string | null }[]>(
      await crm(db, ['history', 'C000001', '--json']),
    );
    expect(history).toContainEqual(expect.objectContaining({ command: 'classify', entity: 'customer', field: 'grade', old_value: 'B', new_value: 'A' }));
    expect(history).toContainEqual(expect.objectContaining({ command: 'classify', entity: 'evaluation', field: '*' }));
  });

  test('--json, the weights in force, Chinese criterion names and a date as people write it', async () => {
    await must(['policy', 'set', 'weights', 'size=40,credit=30,volume=20,influence=10']);
    const r = json<Evaluated>(
      await crm(db, ['classify', 'C000002', '--score', '公司规模=100', '资信状况=80', '货量规模=75', '行业影响力=70', '--date', '2026年10月8日', '--json']),
    );
    expect(r).toEqual({ id: 'C000002', total: 86, grade: 'A', previous_grade: 'C', evaluation_id: 1 });
    expect(query(db, 'SELECT evaluated_on, weights FROM evaluations')).toEqual([
      { evaluated_on: '2026-10-08', weights: '{"size":40,"credit":30,"volume":20,"influence":10}' },
    ]);
  });

  test.each([
    [['size=85', 'credit=85', 'volume=85', 'influence=85'], 'B', '85.00'],
    [['size=85.04', 'credit=85', 'volume=85', 'influence=85'], 'A', '85.01'],
    [['size=60', 'credit=60', 'volume=60', 'influence=60'], 'B', '60.00'],
    [['size=59.9', 'credit=59.9', 'volume=59.9', 'influence=59.9'], 'C', '59.90'],
  ])('%j grades %s', async (scores, grade, total) => {
    const r = await must(['classify', 'C000003', '--score', ...scores]);
    expect(r.stdout.trim()).toBe(`C000003: — → ${grade} (total ${total})`);
    expect(grades()[3]).toBe(grade);
  });

  test('the same grade again: an evaluation is kept, the grade does not change', async () => {
    const r = await must(['classify', 'C000004', '--score', ...SCORES]);
    expect(r.stdout.trim()).toBe('C000004: stays A (total 86.25)');
    expect(query(db, "SELECT count(*) AS n FROM history WHERE command = 'classify' AND entity = 'customer'")).toEqual([{ n: 0 }]);
    const handle = new Database(db, { readonly: true });
    expect(gradeHistory(handle, 4)).toEqual([{ evaluated_on: '2026-11-23', grade: 'A', total: 86.25, method: 'score', evaluator: 'admin' }]);
    handle.close();
  });

  test.each([
    [['C000001', '--score', 'size=101', 'credit=85', 'volume=90', 'influence=80'], /size \(company size\) score "101" is not valid/],
    [['C000001', '--score', 'size=-1', 'credit=85', 'volume=90', 'influence=80'], /score "-1" is not valid/],
    [['C000001', '--score', 'size=abc', 'credit=85', 'volume=90', 'influence=80'], /score "abc" is not valid/],
    [['C000001', '--score', 'size=90', 'credit=85', 'volume=90'], /no score for influence\/行业影响力/],
    [['C000001', '--score', ...SCORES, 'price=50'], /no criterion "price"/],
    [['C000001', '--score', ...SCORES, '--date', '2026-02-30'], /"2026-02-30" is not a real date/],
    [['C000001'], /no scores given and no terminal.*--score/],
    [['C000001', '--by', 'trade', '--score', ...SCORES], /--by trade belongs to a quarterly review/],
    [['--score', ...SCORES], /nothing to classify/],
    [['X1', '--score', ...SCORES], /X1/],
  ])('refuses %j with exit 2; nothing is written', async (argv, message) => {
    const before = snapshot(db);
    const r = await crm(db, ['classify', ...argv]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(snapshot(db)).toEqual(before);
  });

  test.each([
    ['lina', 'C000001'],
    ['zhangwei', 'C000005'],
    ['guest', 'C000001'],
  ])('%s may not evaluate %s: exit 3, the refusal is logged, nothing else written', async (login, id) => {
    const before = stored();
    const r = await crm(db, ['classify', id, '--score', ...SCORES], { login });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(id));
    expect(stored()).toEqual(before);
    expect(query(db, "SELECT basis FROM access_log WHERE action = 'classify'")).toEqual([{ basis: 'denied' }]);
  });
});

describe('crm classify ID, interactive', () => {
  test('walks the form with weights and standards, rejects a bad score inline, shows the running total, saves', async () => {
    const p = scriptedPrompter(['101', '90', '85', 'abc', '70', '80', '复评', true]);
    const r = await crm(db, ['classify', 'C000001'], { prompter: p, login: 'zhangwei' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.remaining()).toBe(0);
    expect(p.asked.slice(0, 4)).toEqual([
      'company size (25%) — revenue, headcount, site',
      'company size (25%) — revenue, headcount, site',
      'credit standing (25%) — payment record, bank standing, litigation',
      'business volume (25%) — yearly purchases and trade with us',
    ]);
    expect(p.rejected).toEqual([expect.stringMatching(/size \(company size\) score "101" is not valid/), expect.stringMatching(/volume .* score "abc"/)]);
    expect(r.stdout).toContain('running total 22.50 (1 of 4 criteria)');
    expect(r.stdout).toContain('running total 43.75 (2 of 4 criteria)');
    expect(r.stdout).toContain('Total 81.25: grade B');
    expect(p.asked.at(-1)).toBe('Save this evaluation and grade C000001 B (was B)?');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('C000001: stays B (total 81.25)');
    expect(query(db, 'SELECT total, grade, note FROM evaluations')).toEqual([{ total: 81.25, grade: 'B', note: '复评' }]);
  });

  test('declining at the end writes nothing (exit 1)', async () => {
    const before = stored();
    const r = await crm(db, ['classify', 'C000002', '--note', '年度'], { prompter: scriptedPrompter(['95', '95', '95', '95', false]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was saved/);
    expect(stored()).toEqual(before);
  });

  test('a customer out of scope is refused before any question (exit 3)', async () => {
    const p = scriptedPrompter([]);
    const r = await crm(db, ['classify', 'C000005'], { prompter: p, login: 'zhangwei' });
    expect(r.code).toBe(3);
    expect(p.asked).toEqual([]);
  });
});

describe('crm classify --review', () => {
  /** Our deals (competitor null) and a competitor's, written directly: `crm deal add` is not ours. */
  const addDeals = (deals: [customer: number, date: string, amount: number, competitor?: string][]) => {
    const handle = new Database(db);
    const insert = handle.prepare(
      "INSERT INTO deals (customer_id, competitor, deal_date, amount, staff_id, created_at) VALUES (?, ?, ?, ?, 1, '2026-11-23T10:00:00+08:00')",
    );
    handle.transaction(() => deals.forEach(([c, d, a, k]) => insert.run(c, k ?? null, d, a)))();
    handle.close();
  };
  const review = async (argv: string[], login = 'admin') => json<Review>(await crm(db, ['classify', '--review', ...argv, '--json'], { login }));

  beforeEach(async () => {
    await must(['classify', 'C000001', '--score', ...SCORES]); // this quarter: not due
    await must(['classify', 'C000002', '--score', ...SCORES, '--date', '2026-08-01']); // last quarter: due
    // Of 2026 (the four quarters ending 2026Q4), C5 60 %, C2 25 %, C3 10 %, C4 5 %; C1 is not due, so its
    // trade does not count; deals outside the window and competitors' deals do not count either.
    addDeals([
      [1, '2026-05-01', 5_000_000],
      [5, '2026-03-15', 600_000],
      [2, '2026-11-02', 250_000],
      [2, '2026-11-03', 80_000, '竞争对手'],
      [3, '2026-01-01', 100_000],
      [3, '2025-12-31', 900_000],
      [4, '2026-12-31', 50_000],
      [4, '2027-01-01', 700_000],
    ]);
  });

  test('--by score lists the customers the caller may change not evaluated this quarter', async () => {
    const r = await review(['2026Q4']);
    expect(r).toMatchObject({ quarter: '2026Q4', by: 'score', applied: false });
    expect(r.due.map((d) => [d.id, d.grade, d.last_evaluated])).toEqual([
      ['C000002', 'A', '2026-08-01'],
      ['C000003', null, null],
      ['C000004', 'A', null],
      ['C000005', 'A', null],
    ]);
    expect((await review(['2026-q4'], 'zhangwei')).due.map((d) => d.id)).toEqual(['C000002', 'C000003', 'C000004']);
    expect((await review(['2026Q3'])).due.map((d) => d.id)).toEqual(['C000003', 'C000004', 'C000005']);
    // A retired file is not reviewed (nor regraded by --apply) until it is unarchived.
    await must(['archive', 'C000004', '--reason', '公司已注销']);
    expect((await review(['2026Q4'])).due.map((d) => d.id)).toEqual(['C000002', 'C000003', 'C000005']);
    expect((await review(['2026Q4', '--by', 'trade'])).due.map((d) => d.id)).not.toContain('C000004');
    await must(['unarchive', 'C000004']);
    const text = await must(['classify', '--review', '2026Q4'], 'lina');
    expect(text.stdout).toContain('C000005\t中兴贸易\tA\t—');
    expect(text.stdout).toContain('customers not evaluated this quarter: 1');
  });

  test('--by trade proposes grades by contribution; without --apply nothing changes', async () => {
    const before = stored();
    const gradesBefore = grades();
    const r = await review(['2026Q4', '--by', 'trade']);
    expect(r.applied).toBe(false);
    expect(r.due.map((d) => [d.id, d.value, d.share, d.grade, d.proposed, d.change])).toEqual([
      ['C000002', 250_000, 25, 'A', 'A', 'same'],
      ['C000003', 100_000, 10, null, 'B', 'new'],
      ['C000004', 50_000, 5, 'A', 'C', 'down'],
      ['C000005', 600_000, 60, 'A', 'A', 'same'],
    ]);
    expect(stored()).toEqual(before);
    expect(grades()).toEqual(gradesBefore);
    const text = await must(['classify', '--review', '2026Q4', '--by', 'trade']);
    expect(text.stdout).toMatch(/C000004\t深圳五金\tA\t50,000.00\t5.00%\tC\t↓ down/);
    expect(text.stdout).toContain('proposed up: 0, down: 1, unchanged: 2, newly graded: 1. Nothing was changed');
  });

  test('--apply stores a trade evaluation for each and changes the grades; the customers are then not due', async () => {
    const r = await review(['2026Q4', '--by', 'trade', '--apply']);
    expect(r.applied).toBe(true);
    expect(grades()).toEqual({ 1: 'A', 2: 'A', 3: 'B', 4: 'C', 5: 'A' });
    expect(query(db, "SELECT customer_id, evaluated_on, total, grade, scores, weights FROM evaluations WHERE method = 'trade' ORDER BY customer_id")).toEqual([
      { customer_id: 2, evaluated_on: '2026-11-23', total: 25, grade: 'A', scores: null, weights: null },
      { customer_id: 3, evaluated_on: '2026-11-23', total: 10, grade: 'B', scores: null, weights: null },
      { customer_id: 4, evaluated_on: '2026-11-23', total: 5, grade: 'C', scores: null, weights: null },
      { customer_id: 5, evaluated_on: '2026-11-23', total: 60, grade: 'A', scores: null, weights: null },
    ]);
    expect(query(db, "SELECT customer_id, old_value, new_value FROM history WHERE command = 'classify --review 2026Q4' AND field = 'grade' ORDER BY customer_id")).toEqual([
      { customer_id: 3, old_value: null, new_value: 'B' },
      { customer_id: 4, old_value: 'A', new_value: 'C' },
    ]);
    expect((await review(['2026Q4'])).due).toEqual([]);
  });

  test('--apply is one transaction: a failure halfway leaves no evaluation and no grade changed', async () => {
    const handle = new Database(db);
    handle.exec("CREATE TRIGGER no_c4 BEFORE UPDATE OF grade ON customers WHEN NEW.id = 4 BEGIN SELECT RAISE(ABORT, 'refused'); END");
    handle.close();
    const before = stored();
    const gradesBefore = grades();
    const r = await crm(db, ['classify', '--review', '2026Q4', '--by', 'trade', '--apply']);
    expect(r.code).toBe(1);
    expect(stored()).toEqual(before);
    expect(grades()).toEqual(gradesBefore);
  });

  test.each([
    [['--review', '2026Q5'], /"2026Q5" is not a quarter/],
    [['--review', '2026Q4', '--apply'], /--apply needs --by trade/],
    [['--review', '2026Q4', 'C000001'], /takes no customer id/],
    [['--review', '2026Q4', '--by', 'value'], /'value' is not allowed; choose/],
    [['--apply'], /--apply belongs to a quarterly review/],
  ])('refuses %j with exit 2; nothing is written', async (argv, message) => {
    const before = snapshot(db);
    const r = await crm(db, ['classify', ...argv]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(snapshot(db)).toEqual(before);
  });

  test('the trade values are one aggregate over the index deals_date, not a scan of every deal', () => {
    const handle = new Database(db, { readonly: true });
    const plan = (handle.prepare(`EXPLAIN QUERY PLAN ${TRADE_VALUES_SQL}`).all({ from: '2026-01-01', to: '2026-12-31' }) as { detail: string }[]).map((r) => r.detail);
    handle.close();
    expect(plan[0]).toMatch(/^SEARCH deals USING (COVERING )?INDEX deals_date \(deal_date>\? AND deal_date<\?\)/);
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });
});
