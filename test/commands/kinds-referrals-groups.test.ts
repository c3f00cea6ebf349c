// Customer kinds, referrals and groups of a parent and its branches: entered with add/update,
// shown where a user looks (show, list, the reports), refused when they make no sense.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, crmOk, expectRefused, json, seededDb, useTempDir } from '../support/run.js';

const dir = useTempDir();
let db = '';

const must = (argv: string[], login = 'admin') => crmOk(db, argv, { login });

interface Card {
  kind: string;
  source: string;
  referred_by: string | null;
  parent: string | null;
  referrals: { id: string; name: string | null }[];
  group: { id: string; name: string | null; parent: string | null }[];
}
const show = async (id: string, login = 'admin') => json<Card>(await crm(db, ['show', id, '--json'], { login }));

beforeEach(async () => {
  db = await seededDb(dir());
  await must(['add', '--name', '深圳华强集团', '--owner', 'zhangwei', '--region', '华南', '--status', 'cooperating']); // C000001
  await must(['add', '--name', '东莞华强分厂', '--owner', 'zhangwei', '--region', '华南', '--parent', 'C000001']); // C000002
  await must(['add', '--name', '华强东莞二车间', '--owner', 'lina', '--region', '华东', '--parent', 'C000002']); // C000003
  await must(['add', '--name', '上海中兴贸易', '--owner', 'lina', '--region', '华东', '--referred-by', 'C000001', '--status', 'cooperating']); // C000004
  await must(['add', '--name', '广州白云律师事务所', '--kind', '律师', '--owner', 'zhangwei']); // C000005
  await must(['add', '--name', '南方钢材供应', '--kind', 'supplier', '--referred-by', 'C000001', '--source', 'referral']); // C000006
});

describe('kinds', () => {
  test('a kind is kept, shown, filtered and reported; customer by default', async () => {
    expect((await show('C000005')).kind).toBe('special');
    expect((await show('C000001')).kind).toBe('customer');
    expect(json<{ id: string; kind: string }[]>(await crm(db, ['list', '--kind', '供应商', '--json']))).toEqual([expect.objectContaining({ id: 'C000006', kind: 'supplier' })]);
    const report = json<{ kinds: { kind: string; files: number; statuses: Record<string, number> }[] }>(await crm(db, ['report', 'kinds', '--json']));
    expect(report.kinds.map((k) => [k.kind, k.files, k.statuses.cooperating])).toEqual([
      ['customer', 4, 2],
      ['supplier', 1, 0],
      ['distributor', 0, 0],
      ['special', 1, 0],
    ]);
    // Clearing the kind returns it to the default; an unknown kind is refused.
    await must(['update', 'C000005', '--set', 'kind=']);
    expect((await show('C000005')).kind).toBe('customer');
    const bad = await crm(db, ['update', 'C000005', '--set', 'kind=alien']);
    expect(bad.code).toBe(2);
    expect((await crm(db, ['list', '--kind', 'alien'])).code).toBe(2);
  });
});

describe('referrals', () => {
  test('naming the referrer makes the source a referral; show lists whom a customer referred', async () => {
    expect(await show('C000004')).toMatchObject({ source: 'referral', referred_by: 'C000001' });
    expect((await show('C000001')).referrals).toEqual([
      { id: 'C000004', name: '上海中兴贸易' },
      { id: 'C000006', name: '南方钢材供应' },
    ]);
    // zhangwei owns C000001 but may not read lina's C000004: named by its id only.
    expect((await show('C000001', 'zhangwei')).referrals).toEqual([
      { id: 'C000004', name: null },
      { id: 'C000006', name: null },
    ]);
    const sheet = (await crm(db, ['show', 'C000001', '--lang', 'zh'])).stdout;
    expect(sheet).toMatch(/── 介绍的客户 ──\nC000004  上海中兴贸易\nC000006  南方钢材供应/);
  });

  test('the referrals report: per referrer, how many, how many signed, their trade', async () => {
    await must(['deal', 'add', 'C000004', '--date', '2026-10-01', '--amount', '30万']);
    const r = json<{ referrers: unknown[] }>(await crm(db, ['report', 'referrals', '--json']));
    expect(r.referrers).toEqual([{ referrer_id: 'C000001', referrer: '深圳华强集团', referred: 2, cooperating: 1, trade_12m: 300000, referred_ids: ['C000004', 'C000006'] }]);
    // The same figures for people (Markdown, Chinese) and for Excel (CSV to --out).
    const md = await must(['report', 'referrals', '--format', 'md', '--lang', 'zh']);
    expect(md).toMatch(/\| 介绍客户 \| 介绍数 \| 已合作 \| 近12个月交易额 \| 被介绍客户 \|/);
    expect(md).toMatch(/\| C000001 深圳华强集团 \| 2 \| 1 \| 30(\.00)?万 \| C000004, C000006 \|/);
    const out = join(dir(), 'referrals.csv');
    await must(['report', 'referrals', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe('\uFEFFReferrer,Referred,Cooperating,"Trade, 12 months",Referred files\r\nC000001 深圳华强集团,2,1,300000,"C000004, C000006"\r\n');
  });

  test.each([
    [['add', '--name', '甲公司', '--referred-by', 'C000001', '--source', 'trade-show'], /contradicts the referring customer/],
    [['add', '--name', '乙公司', '--referred-by', 'C000099'], /C000099/],
    [['update', 'C000001', '--set', 'referred_by=C000001'], /cannot be this file/],
  ])('%j: exit 2, nothing written', (argv, message) => expectRefused(db, argv, message));
});

describe('groups', () => {
  test('show lists the whole group, head first, from any member', async () => {
    const group = [
      { id: 'C000001', name: '深圳华强集团', parent: null },
      { id: 'C000002', name: '东莞华强分厂', parent: 'C000001' },
      { id: 'C000003', name: '华强东莞二车间', parent: 'C000002' },
    ];
    expect((await show('C000001')).group).toEqual(group);
    expect((await show('C000003')).group).toEqual(group);
    expect((await show('C000004')).group).toEqual([]);
    const sheet = (await crm(db, ['show', 'C000002'])).stdout;
    expect(sheet).toMatch(/── Group: parent, branches and subsidiaries ──\nC000001  深圳华强集团\n  C000002  东莞华强分厂  ← this file\n    C000003  华强东莞二车间/);
  });

  test('a file cannot be its own parent, nor a branch of its branches', async () => {
    for (const set of ['parent=C000001', 'parent=C000003']) {
      const r = await crm(db, ['update', 'C000001', '--set', set]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/would make a loop/);
    }
    expect((await crm(db, ['add', '--name', '丙公司', '--parent', 'C000077'])).code).toBe(2);
    expect(query(db, 'SELECT id, parent FROM customers WHERE parent IS NOT NULL ORDER BY id')).toEqual([
      { id: 2, parent: 1 },
      { id: 3, parent: 2 },
    ]);
  });

  test('the groups report rolls trade up to the parent, over the files the caller sees', async () => {
    await must(['deal', 'add', 'C000001', '--date', '2026-10-01', '--amount', '100万']);
    await must(['deal', 'add', 'C000002', '--date', '2026-09-01', '--amount', '20万']);
    await must(['deal', 'add', 'C000003', '--date', '2026-08-01', '--amount', '5万']);
    await must(['deal', 'add', 'C000003', '--date', '2025-01-01', '--amount', '9万']); // older than a year
    const all = json<{ groups: unknown[] }>(await crm(db, ['report', 'groups', '--json']));
    expect(all.groups).toEqual([{ head_id: 'C000001', head: '深圳华强集团', files: 3, head_trade_12m: 1_000_000, group_trade_12m: 1_250_000 }]);
    // zhangwei does not see lina's workshop: neither its trade nor in the count.
    const rep = json<{ groups: unknown[] }>(await crm(db, ['report', 'groups', '--json'], { login: 'zhangwei' }));
    expect(rep.groups).toEqual([{ head_id: 'C000001', head: '深圳华强集团', files: 2, head_trade_12m: 1_000_000, group_trade_12m: 1_200_000 }]);
  });
});
