// The access matrix (POLICY §6): every role × (own file / same region / other region / requested /
// request expired) × every reading command, each cell against the policy, aggregates included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, FIXED_NOW, json, seededDb, useTempDir } from '../support/run.js';

const ROLES = ['rep', 'service', 'region-manager', 'manager', 'director', 'gm', 'clerk', 'admin', 'other'] as const;
type Role = (typeof ROLES)[number];
const CELLS = ['own', 'same-region', 'other-region', 'requested', 'expired'] as const;
type Cell = (typeof CELLS)[number];

const DAY = 86_400_000;
/** Requests are approved "now"; the reads happen three days later, when a 1-day request has expired. */
const LATER = new Date(FIXED_NOW.getTime() + 3 * DAY);

const SEES_ALL: Role[] = ['manager', 'director', 'gm', 'clerk', 'admin'];

function expected(role: Role, cell: Cell): string | null {
  if (SEES_ALL.includes(role)) return 'all';
  if (cell === 'requested') return 'request';
  if (cell === 'own') return role === 'other' ? null : 'own';
  if (cell === 'same-region') return role === 'region-manager' ? 'region' : null;
  return null;
}

const login = (role: Role) => `x-${role}`;

describe('the access matrix', () => {
  let dir = '';
  let db = '';
  /** Customer id of each (role, cell). */
  const ids = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-access-'));
    db = join(dir, 'crm.db');
    const must = async (argv: string[], as = 'admin') => {
      const r = await crm(db, argv, { login: as });
      if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    await must(['init']);
    await must(['staff', 'add', 'neutral', '--name', '中立', '--role', 'rep', '--region', '西北']);
    await must(['staff', 'add', 'boss', '--name', '总经理', '--role', 'gm']);
    for (const role of ROLES) {
      // Nobody can be given files while in the role "other"; someone moved there keeps what they owned.
      await must(['staff', 'add', login(role), '--name', role, '--role', role === 'other' ? 'rep' : role, '--region', '华南']);
      const add = (cell: Cell, region: string, owner: string) =>
        must(['add', '--name', `${role} ${cell} 公司`, '--region', region, '--owner', owner, '--contact-name', '王强', '--contact-mobile', `1380000${String(ids.size).padStart(4, '0')}`]);
      ids.set(`${role}/own`, await add('own', '华北', login(role)));
      if (role === 'other') await must(['staff', 'update', login(role), '--role', 'other']);
      ids.set(`${role}/same-region`, await add('same-region', '华南', 'neutral'));
      ids.set(`${role}/other-region`, await add('other-region', '华东', 'neutral'));
      ids.set(`${role}/requested`, await add('requested', '华东', 'neutral'));
      ids.set(`${role}/expired`, await add('expired', '华东', 'neutral'));
      // Those who read every file need no request (and are refused one).
      if (!SEES_ALL.includes(role)) for (const [cell, days] of [['requested', '7'], ['expired', '1']] as const) {
        const request = JSON.parse(await must(['access', 'request', '--customer', ids.get(`${role}/${cell}`)!, '--purpose', '年度对账', '--days', days, '--json'], login(role))) as {
          id: number;
        };
        await must(['access', 'approve', String(request.id)], 'boss');
      }
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(ROLES)('%s', (role) => {
    test.each(CELLS)('%s: show and history follow the policy, and the log says on what basis', async (cell) => {
      const id = ids.get(`${role}/${cell}`)!;
      const basis = expected(role, cell);
      for (const command of ['show', 'history']) {
        const r = await crm(db, [command, id, '--json'], { login: login(role), now: LATER });
        expect({ command, code: r.code }).toEqual({ command, code: basis === null ? 3 : 0 });
        if (basis === null) {
          expect(r.stderr).toContain('crm access request');
          expect(r.stderr).not.toContain(`${role} ${cell} 公司`);
        }
      }
      const logged = query<{ action: string; basis: string }>(
        db,
        `SELECT l.action, l.basis FROM access_log l JOIN staff s ON s.id = l.staff_id WHERE s.login = ? AND l.customer_id = ? AND l.action IN ('show', 'history')`,
        login(role),
        Number(id.slice(1)),
      );
      expect(logged.map((l) => l.basis.replace(/:\d+$/, ''))).toEqual(basis === null ? ['denied', 'denied'] : [basis, basis]);
    });

    test('list shows exactly the visible files, and counts only those', async () => {
      const rows = json<{ id: string; contact_mobile: string | null }[]>(await crm(db, ['list', '--json'], { login: login(role), now: LATER }));
      const mine = CELLS.filter((cell) => expected(role, cell) !== null).map((cell) => ids.get(`${role}/${cell}`)!);
      const listed = rows.map((r) => r.id);
      for (const id of mine) expect(listed).toContain(id);
      // Other roles' files: a regional manager also sees every file of the region (华南).
      const foreignVisible = [...ids.entries()]
        .filter(([key]) => !key.startsWith(`${role}/`) && role === 'region-manager' && key.endsWith('/same-region'))
        .map(([, id]) => id);
      if (SEES_ALL.includes(role)) expect(listed).toHaveLength(ids.size);
      else expect(listed.sort()).toEqual([...mine, ...foreignVisible].sort());
    });
  });

  test('a file seen through a request has its contacts’ personal data masked', async () => {
    const id = ids.get('rep/requested')!;
    const card = json<{ contacts: { mobile: string }[] }>(await crm(db, ['show', id, '--json'], { login: login('rep'), now: LATER }));
    expect(card.contacts[0]!.mobile).toMatch(/^138\*{4}\d{4}$/);
    const own = json<{ contacts: { mobile: string }[] }>(await crm(db, ['show', ids.get('rep/own')!, '--json'], { login: login('rep'), now: LATER }));
    expect(own.contacts[0]!.mobile).toMatch(/^1380000\d{4}$/);
    const rows = json<{ id: string; contact_mobile: string }[]>(await crm(db, ['list', '--json'], { login: login('rep'), now: LATER }));
    expect(rows.find((r) => r.id === id)!.contact_mobile).toMatch(/\*{4}/);
  });

  test('requests grant reading, not changing', async () => {
    const r = await crm(db, ['update', ids.get('rep/requested')!, '--set', 'industry=电子'], { login: login('rep'), now: LATER });
    expect(r.code).toBe(3);
  });
});

describe('crm access and crm log', () => {
  const dir = useTempDir();

  test('request, approve by the GM, read, revoke; refusals for the wrong people', async () => {
    const db = await seededDb(dir());
    await crm(db, ['staff', 'add', 'sunli', '--name', '孙丽', '--role', 'director']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东']);
    expect((await crm(db, ['show', 'C1'], { login: 'zhangwei' })).code).toBe(3);

    const req = json<{ id: number }>(await crm(db, ['access', 'request', '--customer', 'C1', '--purpose', '核对合同', '--json'], { login: 'zhangwei' }));
    expect((await crm(db, ['access', 'approve', String(req.id)], { login: 'wangfang' })).code).toBe(3); // a regional manager may not
    expect((await crm(db, ['access', 'approve', String(req.id)], { login: 'zhangwei' })).code).toBe(3); // nor the requester
    const approved = await crm(db, ['access', 'approve', String(req.id), '--comment', '同意', '--json'], { login: 'sunli' });
    expect(json(approved)).toMatchObject({ id: req.id, status: 'approved', expires_at: expect.stringMatching(/^2026-11-30T/) });
    expect((await crm(db, ['access', 'approve', String(req.id)], { login: 'zhaomin' })).code).toBe(1); // already decided
    expect((await crm(db, ['show', 'C1'], { login: 'zhangwei' })).code).toBe(0);

    const pending = json<{ id: number }[]>(await crm(db, ['access', 'list', '--pending', '--json'], { login: 'zhaomin' }));
    expect(pending).toEqual([]);
    const mine = json<{ id: number; status: string; requester: string }[]>(await crm(db, ['access', 'list', '--json'], { login: 'zhangwei' }));
    expect(mine).toEqual([expect.objectContaining({ id: req.id, status: 'approved', requester: 'zhangwei' })]);
    expect(json<unknown[]>(await crm(db, ['access', 'list', '--json'], { login: 'lina' }))).toEqual([]);
    // A request for a region says so in the user's language.
    await crm(db, ['access', 'request', '--region', '华东', '--purpose', '区域对账'], { login: 'zhangwei' });
    const zh = await crm(db, ['access', 'list', '--pending', '--lang', 'zh'], { login: 'zhaomin' });
    expect(zh.stdout).toMatch(/\tzhangwei\t区域 华东\t区域对账\t/);

    expect((await crm(db, ['access', 'revoke', String(req.id)], { login: 'lina' })).code).toBe(3);
    expect((await crm(db, ['access', 'revoke', String(req.id)], { login: 'zhangwei' })).code).toBe(0);
    expect((await crm(db, ['show', 'C1'], { login: 'zhangwei' })).code).toBe(3);

    const log = json<{ staff: string; customer: string; action: string; basis: string }[]>(await crm(db, ['log', '--customer', 'C1', '--json'], { login: 'zhaomin' }));
    expect(log.map((l) => [l.staff, l.action, l.basis])).toEqual([
      ['zhangwei', 'show', 'denied'],
      ['zhangwei', 'show', `request:${req.id}`],
      ['zhangwei', 'show', 'denied'],
    ]);
    const denied = json<unknown[]>(await crm(db, ['log', '--denied', '--staff', 'zhangwei', '--json'], { login: 'admin' }));
    expect(denied).toHaveLength(2);
    expect((await crm(db, ['log'], { login: 'zhangwei' })).code).toBe(3);
  });

  test('the administrator lists everyone\'s requests, as the director and the GM do, but may not decide them', async () => {
    const db = await seededDb(dir());
    await crm(db, ['staff', 'add', 'sunli', '--name', '孙丽', '--role', 'director']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东']);
    const req = json<{ id: number }>(await crm(db, ['access', 'request', '--customer', 'C1', '--purpose', '核对合同', '--json'], { login: 'zhangwei' }));
    for (const login of ['admin', 'sunli', 'zhaomin']) {
      const listed = json<{ id: number; requester: string }[]>(await crm(db, ['access', 'list', '--json'], { login }));
      expect({ login, listed }).toEqual({ login, listed: [expect.objectContaining({ id: req.id, requester: 'zhangwei' })] });
    }
    expect(json<unknown[]>(await crm(db, ['access', 'list', '--mine', '--json'], { login: 'admin' }))).toEqual([]);
    expect(json<unknown[]>(await crm(db, ['access', 'list', '--json'], { login: 'wangfang' }))).toEqual([]);
    const approve = await crm(db, ['access', 'approve', String(req.id)], { login: 'admin' });
    expect(approve.code).toBe(3);
    expect(query(db, 'SELECT status FROM access_requests')).toEqual([{ status: 'pending' }]);
  });

  test('a request for what the caller already reads is refused (exit 1), saying so and on what basis', async () => {
    const db = await seededDb(dir());
    await crm(db, ['staff', 'add', 'sunli', '--name', '孙丽', '--role', 'director']);
    await crm(db, ['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南']);
    await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东']);
    await crm(db, ['add', '--name', '南方钢材', '--owner', 'lina', '--region', '华南']);
    const ask = (login: string, target: string[], lang = 'en') => crm(db, ['--lang', lang, 'access', 'request', ...target, '--purpose', '核对合同'], { login });

    const own = await ask('zhangwei', ['--customer', 'C1']);
    expect([own.code, own.stderr]).toEqual([1, 'error: you can already read customer C000001 (you own it or are its staff contact): no request is needed; open it with crm show or crm list.\n']);
    expect((await ask('zhangwei', ['--customer', 'C1'], 'zh')).stderr).toBe('错误：您已可查阅客户 C000001（依据：您是其负责人或参与人员）：无需申请，直接用 crm show 或 crm list 查看即可。\n');
    expect((await ask('wangfang', ['--customer', 'C3'])).stderr).toMatch(/can already read customer C000003 \(your region\)/);
    expect((await ask('wangfang', ['--region', '华南'])).stderr).toMatch(/can already read region 华南 \(your region\)/);
    expect((await ask('admin', ['--customer', 'C2'])).stderr).toMatch(/\(your role reads every customer\)/);
    expect(query(db, 'SELECT count(*) AS n FROM access_requests')).toEqual([{ n: 0 }]);

    // Once a request is approved, asking again for the same customer or region is refused too.
    const req = json<{ id: number }>(await crm(db, ['access', 'request', '--region', '华东', '--purpose', '区域对账', '--json'], { login: 'zhangwei' }));
    expect((await crm(db, ['access', 'approve', String(req.id)], { login: 'sunli' })).code).toBe(0);
    expect((await ask('zhangwei', ['--customer', 'C2'])).stderr).toMatch(new RegExp(`customer C000002 \\(approved request ${req.id}\\)`));
    expect((await ask('zhangwei', ['--region', '华东'])).code).toBe(1);
    // What is not yet readable can still be asked for.
    expect((await ask('zhangwei', ['--customer', 'C3'])).code).toBe(0);
    expect((await ask('wangfang', ['--region', '华东'])).code).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM access_requests')).toEqual([{ n: 3 }]);
  });

  test.each([
    [['access', 'request', '--purpose', 'x'], /exactly one of/],
    [['access', 'request', '--customer', 'C1', '--region', '华东', '--purpose', 'x'], /exactly one of/],
    [['access', 'request', '--customer', 'C1'], /--purpose is required/],
    [['access', 'request', '--customer', 'C1', '--purpose', 'x', '--days', '365'], /1 to 90 days/],
    [['access', 'approve', 'abc'], /not a request id/],
    [['log', '--since', '2026-02-30'], /not a real date/],
  ])('refuses %j (exit 2)', async (argv, message) => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '中兴贸易']);
    const r = await crm(db, argv, { login: 'zhaomin' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('the access log is append-only', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '中兴贸易']);
    await crm(db, ['show', 'C1']);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    expect(() => raw.prepare("UPDATE access_log SET basis = 'all'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
    raw.close();
    expect(query(db, 'SELECT action, basis FROM access_log')).toEqual([{ action: 'show', basis: 'all' }]);
  });
});

test('a duplicate outside the caller’s scope is named by its id only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-dup-'));
  try {
    const db = await seededDb(dir);
    await crm(db, ['add', '--name', '深圳市华强电子有限公司', '--owner', 'lina']);
    const r = await crm(db, ['add', '--name', '深圳市 华强电子'], { login: 'zhangwei' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('C000001');
    expect(r.stderr).not.toContain('华强');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 品项负责人 (staff given a product line) also sees and changes that line’s customers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-line-'));
  try {
    const db = await seededDb(dir);
    await crm(db, ['staff', 'update', 'zhangwei', '--product-line', '仪器']);
    await crm(db, ['add', '--name', '仪器客户', '--owner', 'lina', '--region', '华东', '--product-line', '仪器']);
    await crm(db, ['add', '--name', '耗材客户', '--owner', 'lina', '--region', '华东', '--product-line', '耗材']);
    expect(json<{ id: string }[]>(await crm(db, ['list', '--json'], { login: 'zhangwei' })).map((r) => r.id)).toEqual(['C000001']);
    expect((await crm(db, ['update', 'C000001', '--set', 'industry=仪器仪表'], { login: 'zhangwei' })).code).toBe(0);
    expect((await crm(db, ['show', 'C000002'], { login: 'zhangwei' })).code).toBe(3);
    expect(query(db, "SELECT basis FROM access_log WHERE action = 'list'")).toEqual([{ basis: 'product-line' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
