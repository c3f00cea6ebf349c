import { beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { openReceivables, tradeSummary } from '../../src/db/deals.js';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Change {
  staff: string;
  command: string;
  entity: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}
interface DealJson {
  id: number;
  customer: string;
  name: string;
  date: string;
  amount: number;
  profit: number | null;
  line: string | null;
  competitor: string | null;
  due: string | null;
  paid: number | null;
  outstanding: number | null;
}

describe('crm status, deal, payment', () => {
  const dir = useTempDir();
  let db = '';
  const staffId = (login: string) => query<{ id: number }>(db, 'SELECT id FROM staff WHERE login = ?', login)[0]!.id;
  const status = (id: number) => query<{ status: string; churn_reason: string | null }>(db, 'SELECT status, churn_reason FROM customers WHERE id = ?', id)[0];
  const history = async (id = 'C1') => json<Change[]>(await crm(db, ['history', id, '--json']));
  const addDeal = async (argv: string[], login = 'admin') => json<{ id: number }>(await crm(db, ['deal', 'add', ...argv, '--json'], { login })).id;

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '深圳市华强电子有限公司', '--owner', 'zhangwei', '--region', '华南']);
    await crm(db, ['add', '--name', '中兴贸易有限公司', '--owner', 'lina', '--region', '华东']);
    await crm(db, ['add', '--name', '杭州海康精密', '--owner', 'zhangwei', '--region', '华东', '--status', 'followed']);
  });

  describe('status', () => {
    test('any move is allowed, Chinese terms too, and each is in the history under "status"', async () => {
      expect((await crm(db, ['status', 'C1', 'followed'], { login: 'zhangwei' })).stdout).toMatch(/C000001: potential → followed up/);
      expect((await crm(db, ['status', 'C1', '已合作'], { login: 'zhangwei' })).code).toBe(0);
      expect((await crm(db, ['status', 'C1', '潜在'], { login: 'zhangwei' })).code).toBe(0);
      expect(status(1)).toEqual({ status: 'potential', churn_reason: null });
      expect((await history()).filter((h) => h.command === 'status').map((h) => [h.staff, h.field, h.old_value, h.new_value])).toEqual([
        ['zhangwei', 'status', 'potential', 'followed'],
        ['zhangwei', 'status', 'followed', 'cooperating'],
        ['zhangwei', 'status', 'cooperating', 'potential'],
      ]);
    });

    test('churning needs --reason (exit 2, nothing written); with one, the reason is stored and kept on leaving', async () => {
      const before = snapshot(db);
      for (const argv of [[], ['--reason', '  ']]) {
        const r = await crm(db, ['status', 'C1', '流失客户', ...argv]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/churning needs a reason.*--reason/);
      }
      expect(snapshot(db)).toEqual(before);

      const r = await crm(db, ['status', 'C1', 'churned', '--reason', '价格原因转向竞争对手', '--json']);
      expect(JSON.parse(r.stdout)).toEqual({ id: 'C000001', from: 'potential', status: 'churned', changed: true });
      expect(status(1)).toEqual({ status: 'churned', churn_reason: '价格原因转向竞争对手' });
      expect((await crm(db, ['status', 'C1', 'cooperating'])).code).toBe(0);
      expect(status(1)).toEqual({ status: 'cooperating', churn_reason: '价格原因转向竞争对手' });
      expect((await history()).filter((h) => h.command === 'status').map((h) => [h.field, h.old_value, h.new_value])).toEqual([
        ['status', 'potential', 'churned'],
        ['churn_reason', null, '价格原因转向竞争对手'],
        ['status', 'churned', 'cooperating'],
      ]);
    });

    test('the same status again changes nothing (exit 0)', async () => {
      const before = snapshot(db);
      const r = await crm(db, ['status', 'C3', '已跟进未合作']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/already followed up: nothing changed/);
      expect(snapshot(db)).toEqual(before);
    });

    test.each([
      [['C1', 'lost'], 2, /"lost" is not a status/],
      [['C1', 'followed', '--reason', '重新联系'], 2, /--reason is kept only when churning/],
      [['C99', 'followed'], 1, /no customer C000099/],
      [['C2', 'followed'], 3, /outside what you may see or change/],
    ])('refuses %j with exit %i', async (argv, code, message) => {
      const r = await crm(db, ['status', ...argv], { login: 'zhangwei' });
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(status(2)!.status).toBe('potential');
    });

    test('a refusal for scope is in the access log', async () => {
      await crm(db, ['status', 'C2', 'followed'], { login: 'zhangwei' });
      expect(query(db, 'SELECT customer_id, action, basis FROM access_log')).toEqual([{ customer_id: 2, action: 'status', basis: 'denied' }]);
    });
  });

  describe('deal add', () => {
    test('our deal is stored with the region and owner of the day and the caller; the first one makes the customer cooperating', async () => {
      const r = await crm(db, ['deal', 'add', 'C1', '--date', '2026/3/15', '--amount', '50万', '--profit', '-3,000', '--line', '电子元件', '--mode', '经销',
        '--payment-terms', '月结30天', '--contract', 'HT-001', '--due', '2026-04-14'], { login: 'zhangwei' });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('1\n');
      expect(r.stderr).toMatch(/C000001 now deals with us and has become a cooperating customer/);
      expect(query(db, 'SELECT * FROM deals')).toEqual([
        expect.objectContaining({
          id: 1, customer_id: 1, competitor: null, deal_date: '2026-03-15', amount: 500_000, profit: -3000, business_line: '电子元件', mode: '经销',
          payment_terms: '月结30天', contract_no: 'HT-001', due_date: '2026-04-14', region: '华南', owner_id: staffId('zhangwei'), staff_id: staffId('zhangwei'),
        }),
      ]);
      expect(status(1)!.status).toBe('cooperating');
      const changes = (await history()).filter((h) => h.command === 'deal add');
      expect(changes.map((h) => [h.entity, h.field, h.old_value])).toEqual([
        ['deal', '*', null],
        ['customer', 'status', 'potential'],
      ]);
      expect(changes[1]!.new_value).toBe('cooperating');
      expect(JSON.parse(changes[0]!.new_value!)).toMatchObject({ deal_date: '2026-03-15', amount: 500_000, region: '华南' });

      // Later deals leave the status alone; a followed-up customer moves too.
      expect(await addDeal(['C1', '--date', '2026-04-01', '--amount', '1000'])).toBe(2);
      expect((await history()).filter((h) => h.command === 'deal add' && h.entity === 'customer')).toHaveLength(1);
      await addDeal(['C3', '--date', '2026-04-01', '--amount', '1000']);
      expect(status(3)!.status).toBe('cooperating');
    });

    test('a deal dated today and a profit equal to the amount are accepted; the refusals are one line in Chinese too', async () => {
      await addDeal(['C1', '--date', '2026-11-23', '--amount', '1000', '--profit', '1000']);
      expect(query(db, 'SELECT deal_date, amount, profit FROM deals')).toEqual([{ deal_date: '2026-11-23', amount: 1000, profit: 1000 }]);
      const future = await crm(db, ['--lang', 'zh', 'deal', 'add', 'C1', '--date', '2027年11月20日', '--amount', '1000']);
      expect([future.code, future.stderr]).toEqual([2, '错误：--date 2027-11-20 在今天（2026-11-23）之后：只能登记已发生的交易，请检查年份和日期。\n']);
      const profit = await crm(db, ['--lang', 'zh', 'deal', 'add', 'C1', '--date', '2026-11-01', '--amount', '1万', '--profit', '2万']);
      expect([profit.code, profit.stderr.split('\n').length]).toEqual([2, 2]);
      expect(profit.stderr).toMatch(/^错误：--profit"2万"大于交易金额 --amount"1万"：毛利是交易额的一部分/);
    });

    test('without --due our deal falls due on the deal date', async () => {
      await addDeal(['C1', '--date', '2026-05-06', '--amount', '1000']);
      expect(query(db, 'SELECT due_date FROM deals')).toEqual([{ due_date: '2026-05-06' }]);
    });

    test("a competitor's dealing has no due date and changes no status, nor does a deal with a churned customer", async () => {
      await addDeal(['C1', '--date', '2026-05-06', '--amount', '300万', '--competitor', '竞品甲', '--mode', '直销']);
      expect(query(db, 'SELECT competitor, due_date, amount FROM deals')).toEqual([{ competitor: '竞品甲', due_date: null, amount: 3_000_000 }]);
      expect(status(1)!.status).toBe('potential');
      await crm(db, ['status', 'C1', 'churned', '--reason', '倒闭']);
      await addDeal(['C1', '--date', '2026-05-07', '--amount', '1000']);
      expect(status(1)!.status).toBe('churned');
    });

    test.each([
      [['--date', '2026-03-15'], /--amount is missing/],
      [['--amount', '1000'], /--date is missing/],
      [['--date', '2026-02-30', '--amount', '1000'], /--date "2026-02-30" is not a real date/],
      [['--date', '2026-03-15', '--amount', '-1000'], /--amount "-1000" is not an amount/],
      [['--date', '2026-03-15', '--amount', '十万'], /--amount "十万" is not an amount/],
      [['--date', '2026-03-15', '--amount', '1000', '--profit', 'a lot'], /--profit "a lot"/],
      [['--date', '2026-03-15', '--amount', '1000', '--due', '2026-03-14'], /--due 2026-03-14 is before the deal date 2026-03-15/],
      [['--date', '2026-03-15', '--amount', '1000', '--due', '2026-13-01'], /--due "2026-13-01" is not a real date/],
      [['--date', '2026-03-15', '--amount', '1000', '--competitor', '竞品甲', '--due', '2026-04-01'], /competitor is not owed to us, so it has no --due/],
      [['--date', '2026-03-15', '--amount', '1000', '--competitor', ' '], /--competitor is empty/],
      // A typo in the year: today is 2026-11-23 in these tests.
      [['--date', '2027-11-20', '--amount', '1000'], /^error: --date 2027-11-20 is after today \(2026-11-23\): only deals that have taken place are recorded/],
      [['--date', '2026-11-24', '--amount', '1000'], /--date 2026-11-24 is after today/],
      [['--date', '2026-03-15', '--amount', '50万', '--profit', '80万'], /^error: --profit "80万" is more than the deal's --amount "50万": gross profit is part of the amount/],
      [['--date', '2026-03-15', '--amount', '1000', '--profit', '1000.01', '--competitor', '竞品甲'], /--profit "1000.01" is more than/],
    ])('refuses %j with exit 2 and writes nothing', async (argv, message) => {
      const before = snapshot(db);
      const r = await crm(db, ['deal', 'add', 'C1', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(snapshot(db)).toEqual(before);
    });

    test('writes need write scope: out of scope exit 3, no role exit 3, unknown customer exit 1', async () => {
      const deal = ['--date', '2026-03-15', '--amount', '1000'];
      expect((await crm(db, ['deal', 'add', 'C2', ...deal], { login: 'zhangwei' })).code).toBe(3);
      expect((await crm(db, ['deal', 'add', 'C1', ...deal], { login: 'guest' })).code).toBe(3);
      expect((await crm(db, ['deal', 'add', 'C99', ...deal])).code).toBe(1);
      expect(query(db, 'SELECT count(*) AS n FROM deals')).toEqual([{ n: 0 }]);
      expect((await crm(db, ['deal', 'add', 'C1', ...deal], { login: 'wangfang' })).code).toBe(0);
    });
  });

  describe('payment add', () => {
    let deal = 0;
    beforeEach(async () => {
      deal = await addDeal(['C1', '--date', '2026-03-15', '--amount', '50万', '--due', '2026-04-14']);
    });

    test('receipts reduce the outstanding amount, down to exactly zero and no further (exit 2 naming the balance)', async () => {
      const r = await crm(db, ['payment', 'add', String(deal), '--date', '2026-04-10', '--amount', '20万'], { login: 'zhangwei' });
      expect(r.stdout).toBe('1\n');
      expect(json(await crm(db, ['payment', 'add', String(deal), '--date', '2026-04-20', '--amount', '299,999.99', '--json']))).toEqual({ id: 2 });
      const over = await crm(db, ['payment', 'add', String(deal), '--date', '2026-04-21', '--amount', '0.02']);
      expect(over.code).toBe(2);
      expect(over.stderr).toMatch(/payment of 0.02 is more than the 0.01 outstanding on deal 1/);
      expect((await crm(db, ['payment', 'add', String(deal), '--date', '2026-04-21', '--amount', '0.01'])).code).toBe(0);
      expect(query(db, 'SELECT deal_id, paid_on, amount, staff_id FROM payments ORDER BY id')).toEqual([
        { deal_id: deal, paid_on: '2026-04-10', amount: 200_000, staff_id: staffId('zhangwei') },
        { deal_id: deal, paid_on: '2026-04-20', amount: 299_999.99, staff_id: staffId('admin') },
        { deal_id: deal, paid_on: '2026-04-21', amount: 0.01, staff_id: staffId('admin') },
      ]);
      expect((await history()).filter((h) => h.entity === 'payment').map((h) => h.command)).toEqual(['payment add', 'payment add', 'payment add']);
      const [listed] = json<DealJson[]>(await crm(db, ['deal', 'list', '--json']));
      expect(listed).toMatchObject({ paid: 500_000, outstanding: 0 });
      const more = await crm(db, ['payment', 'add', String(deal), '--date', '2026-04-22', '--amount', '1']);
      expect(more.code).toBe(2);
      expect(more.stderr).toMatch(/more than the 0.00 outstanding/);
    });

    test.each([
      [['--date', '2026-04-10'], 2, /--amount is missing/],
      [['--amount', '1000'], 2, /--date is missing/],
      [['--date', '2026-04-31', '--amount', '1000'], 2, /--date "2026-04-31" is not a real date/],
      [['--date', '2026-04-10', '--amount', '0'], 2, /not an amount above zero/],
      [['--date', '2026-04-10', '--amount', '60万'], 2, /more than the 500,000.00 outstanding/],
    ])('refuses %j with exit %i', async (argv, code, message) => {
      const r = await crm(db, ['payment', 'add', String(deal), ...argv]);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(query(db, 'SELECT count(*) AS n FROM payments')).toEqual([{ n: 0 }]);
    });

    test('unknown deal exit 1, bad id exit 2, a competitor deal exit 2, outside write scope exit 3', async () => {
      const pay = ['--date', '2026-04-10', '--amount', '1000'];
      expect((await crm(db, ['payment', 'add', '99', ...pay])).stderr).toMatch(/no deal 99/);
      expect((await crm(db, ['payment', 'add', '99', ...pay])).code).toBe(1);
      expect((await crm(db, ['payment', 'add', 'D1', ...pay])).code).toBe(2);
      const theirs = await addDeal(['C1', '--date', '2026-03-15', '--amount', '1000', '--competitor', '竞品甲']);
      const r = await crm(db, ['payment', 'add', String(theirs), ...pay]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/dealing with a competitor/);
      expect((await crm(db, ['payment', 'add', String(deal), ...pay], { login: 'lina' })).code).toBe(3);
      expect(query(db, 'SELECT count(*) AS n FROM payments')).toEqual([{ n: 0 }]);
    });
  });

  describe('deal list', () => {
    beforeEach(async () => {
      await addDeal(['C1', '--date', '2026-03-15', '--amount', '50万', '--profit', '8万', '--line', '电子元件', '--due', '2026-04-14']);
      await addDeal(['C2', '--date', '2026-02-01', '--amount', '1,000']);
      await addDeal(['C1', '--date', '2026-05-01', '--amount', '300万', '--competitor', '竞品甲']);
      await crm(db, ['payment', 'add', '1', '--date', '2026-04-01', '--amount', '12万']);
    });

    test('--json: every deal the caller may read, oldest first, money as numbers', async () => {
      expect(json<DealJson[]>(await crm(db, ['deal', 'list', '--json']))).toEqual([
        expect.objectContaining({ id: 2, customer: 'C000002', name: '中兴贸易有限公司', date: '2026-02-01', amount: 1000, paid: 0, outstanding: 1000, due: '2026-02-01' }),
        expect.objectContaining({ id: 1, customer: 'C000001', date: '2026-03-15', amount: 500_000, profit: 80_000, line: '电子元件', due: '2026-04-14', paid: 120_000, outstanding: 380_000, competitor: null }),
        expect.objectContaining({ id: 3, customer: 'C000001', amount: 3_000_000, competitor: '竞品甲', due: null, paid: null, outstanding: null }),
      ]);
    });

    test('a rep sees only the deals of their customers; each customer listed is logged once', async () => {
      const mine = json<DealJson[]>(await crm(db, ['deal', 'list', '--json'], { login: 'zhangwei' }));
      expect(mine.map((d) => d.id)).toEqual([1, 3]);
      expect(query(db, 'SELECT s.login, l.customer_id, l.action, l.basis FROM access_log l JOIN staff s ON s.id = l.staff_id')).toEqual([
        { login: 'zhangwei', customer_id: 1, action: 'deal list', basis: 'own' },
      ]);
      expect(json<DealJson[]>(await crm(db, ['deal', 'list', '--json'], { login: 'guest' }))).toEqual([]);
    });

    test('--customer narrows to one file, refused outside scope (exit 3) or unknown (exit 1)', async () => {
      expect(json<DealJson[]>(await crm(db, ['deal', 'list', '--customer', 'C000002', '--json'])).map((d) => d.id)).toEqual([2]);
      expect((await crm(db, ['deal', 'list', '--customer', 'C2'], { login: 'zhangwei' })).code).toBe(3);
      expect((await crm(db, ['deal', 'list', '--customer', 'C9'])).code).toBe(1);
      expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'deal list' ORDER BY id")).toEqual([
        { customer_id: 2, basis: 'all' },
        { customer_id: 2, basis: 'denied' },
      ]);
    });

    test('the table shows the columns for people', async () => {
      const r = await crm(db, ['deal', 'list', '--customer', 'C1'], { env: { LANG: 'zh_CN.UTF-8' } });
      const [head, first] = r.stdout.trim().split('\n').map((l) => l.split('\t'));
      expect(head).toEqual(['编号', '客户编号', '企业名称', '日期', '金额', '毛利', '业务板块', '竞争对手', '到期日', '已收', '未收']);
      expect(first).toEqual(['1', 'C000001', '深圳市华强电子有限公司', '2026-03-15', '50万', '8万', '电子元件', '', '2026-04-14', '12万', '38万']);
    });
  });

  describe('receivables and the trade summary (for the monthly report and crm show)', () => {
    const all = { grants: [{ kind: 'all' as const }] };
    const withDb = <T>(fn: (handle: ReturnType<typeof openDatabase>) => T): T => {
      const handle = openDatabase(db);
      try {
        return fn(handle);
      } finally {
        handle.close();
      }
    };

    beforeEach(async () => {
      await addDeal(['C1', '--date', '2025-10-01', '--amount', '1万', '--profit', '1000']); // 14 months ago, unpaid
      await addDeal(['C1', '--date', '2026-03-15', '--amount', '50万', '--profit', '8万', '--due', '2026-04-14']);
      await addDeal(['C1', '--date', '2026-11-20', '--amount', '20万', '--profit', '-2000', '--due', '2026-12-20']);
      await addDeal(['C1', '--date', '2026-06-01', '--amount', '300万', '--competitor', '竞品甲']);
      await addDeal(['C2', '--date', '2026-10-01', '--amount', '5000', '--due', '2026-11-30']);
      await crm(db, ['payment', 'add', '2', '--date', '2026-04-10', '--amount', '30万']);
      await crm(db, ['payment', 'add', '2', '--date', '2026-11-22', '--amount', '20万']);
    });

    test('openReceivables: each deal still open on the date, with what was paid by then', () => {
      const receivables = withDb((h) => openReceivables(h, all, '2026-11-21'));
      expect(receivables.map((r) => [r.deal_id, r.owner, r.due_date, r.amount, r.paid, r.outstanding])).toEqual([
        [1, 'zhangwei', '2025-10-01', 10_000, 0, 10_000],
        [2, 'zhangwei', '2026-04-14', 500_000, 300_000, 200_000],
        [5, 'lina', '2026-11-30', 5000, 0, 5000],
        [3, 'zhangwei', '2026-12-20', 200_000, 0, 200_000],
      ]);
      // Paid in full the next day; a deal made after the date is not yet owed.
      expect(withDb((h) => openReceivables(h, all, '2026-11-22')).map((r) => r.deal_id)).toEqual([1, 5, 3]);
      expect(withDb((h) => openReceivables(h, all, '2026-11-19')).map((r) => r.deal_id)).toEqual([1, 2, 5]);
      const zhangwei = { grants: [{ kind: 'own' as const, staffId: staffId('zhangwei') }] };
      expect(withDb((h) => openReceivables(h, zhangwei, '2026-11-23')).map((r) => r.customer_id)).toEqual([1, 1]);
    });

    test('tradeSummary: deals, twelve months of amount and profit, outstanding, overdue, last deal, competitor deals', () => {
      expect(withDb((h) => tradeSummary(h, 1, '2026-11-23'))).toEqual({
        deals: 3,
        amount_12m: 700_000,
        profit_12m: 78_000,
        outstanding: 210_000,
        overdue: 10_000,
        last_deal_on: '2026-11-20',
        competitor_deals: 1,
      });
      expect(withDb((h) => tradeSummary(h, 1, '2026-11-21'))).toMatchObject({ outstanding: 410_000, overdue: 210_000 });
      expect(withDb((h) => tradeSummary(h, 3, '2026-11-23'))).toEqual({
        deals: 0, amount_12m: 0, profit_12m: 0, outstanding: 0, overdue: 0, last_deal_on: null, competitor_deals: 0,
      });
    });
  });
});
