import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { count, query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Contract {
  customer_id: number;
  contract_no: string;
  signed_on: string;
  long_term: number;
  starts_on: string | null;
  ends_on: string | null;
  amount: number | null;
}
interface Check {
  as_of: string;
  missing: { id: string; name: string; grade: string; owner: string | null; reason: string }[];
}

/** Rows the trade commands would write, put in directly. */
function exec(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
function ourDeal(path: string, customerId: number, competitor: string | null = null): void {
  exec(path, `INSERT INTO deals (customer_id, competitor, deal_date, amount, staff_id, created_at) VALUES (?, ?, '2026-05-01', 10000, 1, '2026-05-01')`, customerId, competitor);
}

describe('crm contract add', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--grade', 'B']);
  });

  test('records the contract with dates and amount as people write them, prints its id, and keeps it in the history', async () => {
    const r = await crm(db, ['contract', 'add', 'C1', '--no', ' HT-2026-001 ', '--signed', '2026/3/15', '--long-term', '--start', '2026年4月1日', '--end', '20270331', '--amount', '50万'], { login: 'zhangwei' });
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
    expect(query<Contract>(db, 'SELECT customer_id, contract_no, signed_on, long_term, starts_on, ends_on, amount FROM contracts')).toEqual([
      { customer_id: 1, contract_no: 'HT-2026-001', signed_on: '2026-03-15', long_term: 1, starts_on: '2026-04-01', ends_on: '2027-03-31', amount: 500_000 },
    ]);
    const history = query<{ entity: string; entity_id: number; customer_id: number; command: string; os_login: string; new_value: string }>(
      db,
      "SELECT entity, entity_id, customer_id, command, os_login, new_value FROM history WHERE entity = 'contract'",
    );
    expect(history).toEqual([{ entity: 'contract', entity_id: 1, customer_id: 1, command: 'contract add', os_login: 'zhangwei', new_value: expect.stringContaining('"contract_no":"HT-2026-001"') }]);
  });

  test('--json prints {"id": n}; optional fields stay empty', async () => {
    expect(json(await crm(db, ['contract', 'add', 'C2', '--no', 'HT-2', '--signed', '2026-01-01', '--json']))).toEqual({ id: 1 });
    expect(query<Contract>(db, 'SELECT long_term, starts_on, ends_on, amount FROM contracts')).toEqual([{ long_term: 0, starts_on: null, ends_on: null, amount: null }]);
  });

  test.each([
    ['no --no', ['C1', '--signed', '2026-01-01'], 2, /--no/],
    ['an empty --no', ['C1', '--no', '  ', '--signed', '2026-01-01'], 2, /--no/],
    ['no --signed', ['C1', '--no', 'HT-9'], 2, /--signed/],
    ['an impossible date', ['C1', '--no', 'HT-9', '--signed', '2026-02-30'], 2, /--signed "2026-02-30" is not a real date/],
    ['a bad --end', ['C1', '--no', 'HT-9', '--signed', '2026-01-01', '--end', 'soon'], 2, /--end "soon"/],
    ['an end before the start', ['C1', '--no', 'HT-9', '--signed', '2026-01-01', '--start', '2026-06-01', '--end', '2026-05-31'], 2, /2026-05-31 is before the start date 2026-06-01/],
    ['an end before the signing', ['C1', '--no', 'HT-9', '--signed', '2025-06-01', '--end', '2024-12-31'], 2, /2024-12-31 is before the signing date 2025-06-01/],
    ['a bad amount', ['C1', '--no', 'HT-9', '--signed', '2026-01-01', '--amount', 'lots'], 2, /"lots" is not an amount/],
    ['a bad customer id', ['X-1', '--no', 'HT-9', '--signed', '2026-01-01'], 2, /not a customer id/],
    ['an unknown customer', ['C000099', '--no', 'HT-9', '--signed', '2026-01-01'], 1, /no customer C000099/],
    ['a number already used, naming its customer', ['C1', '--no', 'HT-1', '--signed', '2026-01-01'], 1, /HT-1 is already recorded for customer C000002/],
  ])('refuses %s (exit %i) and writes nothing', async (_what, argv, code, message) => {
    await crm(db, ['contract', 'add', 'C2', '--no', 'HT-1', '--signed', '2025-12-01']);
    const before = { contracts: count(db, 'contracts'), history: count(db, 'history') };
    const r = await crm(db, ['contract', 'add', ...argv]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect({ contracts: count(db, 'contracts'), history: count(db, 'history') }).toEqual(before);
  });

  test('a customer outside the caller’s change scope: exit 3, logged, nothing written', async () => {
    const r = await crm(db, ['contract', 'add', 'C2', '--no', 'HT-9', '--signed', '2026-01-01'], { login: 'zhangwei' });
    expect(r.code).toBe(3);
    expect(count(db, 'contracts')).toBe(0);
    expect(query(db, 'SELECT customer_id, action, basis FROM access_log')).toEqual([{ customer_id: 2, action: 'contract add', basis: 'denied' }]);
  });

  test('an approved request grants reading, not adding contracts', async () => {
    const id = json<{ id: number }>(await crm(db, ['access', 'request', '--customer', 'C2', '--purpose', '核对合同', '--json'], { login: 'zhangwei' })).id;
    expect((await crm(db, ['access', 'approve', String(id)], { login: 'zhaomin' })).code).toBe(0);
    expect((await crm(db, ['contract', 'add', 'C2', '--no', 'HT-9', '--signed', '2026-01-01'], { login: 'zhangwei' })).code).toBe(3);
  });
});

describe('crm contract check (as of 2026-11-23)', () => {
  const dir = useTempDir();
  let db = '';
  const add = async (name: string, grade: string | null, owner = 'zhangwei', extra: string[] = []) => {
    const r = await crm(db, ['add', '--name', name, '--owner', owner, ...(grade ? ['--grade', grade] : []), ...extra]);
    if (r.code !== 0) throw new Error(r.stderr);
  };
  const contract = async (customer: string, no: string, signed: string, end?: string) => {
    const r = await crm(db, ['contract', 'add', customer, '--no', no, '--signed', signed, ...(end ? ['--end', end] : [])]);
    if (r.code !== 0) throw new Error(r.stderr);
  };

  beforeEach(async () => {
    db = await seededDb(dir());
    await add('甲无合同', 'A'); // C1: missing
    await add('乙合同已到期', 'B', 'lina'); // C2: missing, its contract ended
    await contract('C2', 'HT-2', '2025-01-01', '2026-11-22');
    await add('丙合同有效', 'A'); // C3: valid, open-ended
    await contract('C3', 'HT-3', '2026-01-01');
    await add('丁合同未签', 'B'); // C4: missing, signed only next month
    await contract('C4', 'HT-4', '2026-12-01');
    await add('戊今日到期', 'A'); // C5: valid through today
    await contract('C5', 'HT-5', '2026-11-23', '2026-11-23');
    await add('己C类有交易', 'C', 'lina'); // C6: missing, deals but no contract
    ourDeal(db, 6);
    await add('庚C类仅竞品交易', 'C'); // C7: not ours, so not missing
    ourDeal(db, 7, '竞争对手');
    await add('辛C类有过合同', 'C'); // C8: a contract once is enough for C
    ourDeal(db, 8);
    await contract('C8', 'HT-8', '2024-01-01', '2024-12-31');
    await add('壬未分级', null); // C9: no grade
    ourDeal(db, 9);
    await add('癸已流失', 'A', 'zhangwei', ['--status', 'churned', '--churn-reason', '转向竞争对手']); // C10: churned
  });

  test('--json lists A/B without a contract in force and C with deals but no contract', async () => {
    expect(json<Check>(await crm(db, ['contract', 'check', '--json']))).toEqual({
      as_of: '2026-11-23',
      missing: [
        { id: 'C000001', name: '甲无合同', grade: 'A', owner: 'zhangwei', reason: 'ab_without_contract' },
        { id: 'C000002', name: '乙合同已到期', grade: 'B', owner: 'lina', reason: 'ab_without_contract' },
        { id: 'C000004', name: '丁合同未签', grade: 'B', owner: 'zhangwei', reason: 'ab_without_contract' },
        { id: 'C000006', name: '己C类有交易', grade: 'C', owner: 'lina', reason: 'c_with_deals_without_contract' },
      ],
    });
  });

  test('the table names the problem; each listed file is a logged consultation', async () => {
    const r = await crm(db, ['contract', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'ID\tName\tGrade\tOwner\tIssue',
      'C000001\t甲无合同\tA\tzhangwei\tA/B customer without a contract in force',
      'C000002\t乙合同已到期\tB\tlina\tA/B customer without a contract in force',
      'C000004\t丁合同未签\tB\tzhangwei\tA/B customer without a contract in force',
      'C000006\t己C类有交易\tC\tlina\tC customer with deals but no contract',
      '',
    ]);
    expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'contract check' ORDER BY id")).toEqual(
      [1, 2, 4, 6].map((id) => ({ customer_id: id, basis: 'all' })),
    );
  });

  test('a rep sees only their own customers; staff who see nothing get an empty list', async () => {
    expect(json<Check>(await crm(db, ['contract', 'check', '--json'], { login: 'zhangwei' })).missing.map((m) => m.id)).toEqual(['C000001', 'C000004']);
    expect(json<Check>(await crm(db, ['contract', 'check', '--json'], { login: 'guest' })).missing).toEqual([]);
    const r = await crm(db, ['contract', 'check'], { login: 'guest' });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'as of 2026-11-23, no customer you may see is missing a contract.\n' });
  });

  test('a contract added today clears the customer from the list', async () => {
    await contract('C1', 'HT-1', '2026-11-23');
    expect(json<Check>(await crm(db, ['contract', 'check', '--json'])).missing.map((m) => m.id)).toEqual(['C000002', 'C000004', 'C000006']);
  });
});
