// `crm show` carries the trade summary: deals, receivables, tier, credit rating, grade history.
import { expect, test } from 'vitest';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

const dir = useTempDir();

test('deals, receivables, tier, credit and grades appear in show, as JSON and on the sheet', async () => {
  const db = await seededDb(dir());
  const must = async (argv: string[]) => {
    const r = await crm(db, argv);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  };
  await must(['add', '--name', '华强电子', '--owner', 'zhangwei']);
  await must(['classify', 'C1', '--score', 'size=90', 'credit=90', 'volume=85', 'influence=85', '--date', '2026-10-15']);
  await must(['deal', 'add', 'C1', '--date', '2026-06-01', '--amount', '40万', '--profit', '8万', '--due', '2026-07-01']);
  await must(['deal', 'add', 'C1', '--date', '2026-09-01', '--amount', '30万', '--profit', '5万', '--due', '2026-10-01']);
  await must(['deal', 'add', 'C1', '--date', '2026-05-01', '--amount', '10万', '--competitor', '某对手']);
  await must(['payment', 'add', '1', '--date', '2026-06-25', '--amount', '40万']);
  await must(['payment', 'add', '2', '--date', '2026-10-20', '--amount', '10万']);
  await must(['credit', 'C1']);

  const card = json<Record<string, unknown>>(await crm(db, ['show', 'C1', '--json']));
  expect(card).toMatchObject({
    status: 'cooperating',
    grade: 'A',
    tier: 'gold',
    yearly_spend: 700_000,
    trade: { deals: 2, amount_12m: 700_000, profit_12m: 130_000, outstanding: 200_000, overdue: 200_000, last_deal_on: '2026-09-01', competitor_deals: 1 },
    credit: expect.objectContaining({ rating: expect.stringMatching(/^(AAA|AA|A|B|C)$/), rated_on: '2026-11-23' }),
    grade_history: [expect.objectContaining({ evaluated_on: '2026-10-15', grade: 'A', method: 'score', evaluator: 'admin' })],
  });
  const sheet = (await crm(db, ['--lang', 'zh', 'show', 'C1'])).stdout;
  expect(sheet).toContain('交易 2 笔；近 12 个月交易额 70万，毛利 13万');
  expect(sheet).toContain('应收账款 20万，其中逾期 20万');
  expect(sheet).toContain('会员等级 金卡');
  expect(sheet).toMatch(/信用评级 (AAA|AA|A|B|C)/);
  expect(sheet).toContain('等级评定：2026-10-15 A');
});

test('list --tier filters by yearly spend with the policy thresholds', async () => {
  const db = await seededDb(dir());
  for (const [name, amount] of [['甲公司', '100万'], ['乙公司', '50万'], ['丙公司', '99999'], ['丁公司', '']] as const) {
    await crm(db, ['add', '--name', name]);
    if (amount) await crm(db, ['deal', 'add', name === '甲公司' ? 'C1' : name === '乙公司' ? 'C2' : 'C3', '--date', '2026-11-01', '--amount', amount]);
  }
  const ids = async (tier: string) => json<{ id: string }[]>(await crm(db, ['list', '--tier', tier, '--json'])).map((r) => r.id);
  expect(await ids('vip')).toEqual(['C000001']);
  expect(await ids('金卡')).toEqual(['C000002']);
  expect(await ids('standard')).toEqual(['C000003', 'C000004']);
  expect(await ids('silver')).toEqual([]);
  expect((await crm(db, ['list', '--tier', 'platinum'])).code).toBe(2);
});
