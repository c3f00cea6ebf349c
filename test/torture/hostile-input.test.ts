// Hostile input: files that are not what they claim to be, and text crafted to break SQL or a
// spreadsheet. Each is refused with one clear line and nothing written, or stored verbatim.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, test } from 'vitest';
import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '../../src/domain/card-fields.js';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

const MB = 2 ** 20;
const INJECTIONS = [
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM staff; --",
  "1; UPDATE staff SET role = 'admin' WHERE 1 = 1",
  "%' OR '%' = '",
  "x' UNION SELECT sql FROM sqlite_master --",
  '=cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\\\'; ATTACH DATABASE \'/tmp/x.db\' AS x; --',
];
const schemaOf = (db: string) => query(db, 'SELECT type, name, sql FROM sqlite_master ORDER BY name');

describe('hostile input', () => {
  const dir = useTempDir();
  let db = '';
  beforeEach(async () => {
    db = await seededDb(dir());
  });

  const bytes = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  test.each([
    ['GBK bytes read as UTF-8', bytes(Buffer.from([0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xbb, 0xaa, 0xc7, 0xbf, 0x2c, 0xcd, 0xf5, 0x0a])), ['--encoding', 'utf-8'], /not valid utf8 near byte 0; nothing was imported/],
    ['an unbalanced quote', bytes('公司名称,姓名\n"华强电子,王强\n中兴,李四\n'), [], /quote is never closed \(line 2\); nothing was imported/],
    ['NUL bytes', bytes('公司名称,姓名\n华强\u0000电子,王强\n'), [], /contains NUL bytes .*nothing was imported/],
    ['a 10 MB field', bytes('公司名称,姓名,备注\n华强电子,王强,', Buffer.alloc(10 * MB, 0x61), '\n'), [], /line 2 is longer than 256 KB.*nothing was imported/],
    ['a 1 MB line', bytes('公司名称,姓名\n', Array.from({ length: 70_000 }, (_, i) => `公司${i}`).join(','), '\n'), [], /line 2 is longer than 256 KB.*nothing was imported/],
    ['a binary file renamed .csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), [], /neither UTF-8 nor GB18030/],
  ])('a CSV with %s: exit 2, one clear line, nothing written', async (_, content, flags, message) => {
    const file = join(dir(), 'cards.csv');
    writeFileSync(file, content);
    const before = snapshot(db);
    const r = await crm(db, ['import', file, '--owner', 'zhangwei', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
  });

  test('ragged rows: each rejected with its line and reason; with --strict nothing is written', async () => {
    const file = join(dir(), 'ragged.csv');
    writeFileSync(file, '公司名称,姓名,手机\n华强电子,王强,13800138000,多余,更多\n中兴通讯,李四,13912345678\n');
    const before = snapshot(db);
    const strict = await crm(db, ['import', file, '--owner', 'zhangwei', '--strict']);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/line 2.*5 fields but the header has 3/);
    expect(snapshot(db)).toEqual(before);
    const lenient = await crm(db, ['import', file, '--owner', 'zhangwei']);
    expect(lenient.code).toBe(1);
    expect(query(db, 'SELECT name FROM customers')).toEqual([{ name: '中兴通讯' }]); // the sound row only
  });

  test('SQL-injection and 1 MB strings through every text field are stored verbatim; the schema is unchanged', async () => {
    const schema = schemaOf(db);
    const text = (i: number) => INJECTIONS[i % INJECTIONS.length]!;
    const card: Record<string, unknown> = { owner: 'zhangwei' };
    CUSTOMER_FIELDS.filter((f) => f.type === 'text').forEach((f, i) => (card[f.key] = `${text(i)} ${f.key}`));
    const contact: Record<string, unknown> = {};
    CONTACT_FIELDS.filter((f) => f.type === 'text').forEach((f, i) => (contact[f.key] = `${text(i + 3)} ${f.key}`));
    const huge = `${INJECTIONS[0]}${'客'.repeat(MB / 3)}`; // 1 MB of UTF-8
    card.business_scope = huge;
    contact.notes = huge;
    card.contacts = [contact];
    const { id } = json<{ id: string }>(await crm(db, ['add', '--json', '-'], { stdin: JSON.stringify(card) }));
    const shown = json<Record<string, unknown> & { contacts: Record<string, unknown>[] }>(await crm(db, ['show', id, '--json']));
    for (const [k, v] of Object.entries(card)) if (k !== 'contacts' && k !== 'owner') expect(shown[k], k).toBe(v);
    for (const [k, v] of Object.entries(contact)) expect(shown.contacts[0]![k], k).toBe(v);
    expect(schemaOf(db)).toEqual(schema);
    expect(query(db, 'SELECT login, role FROM staff WHERE role = ?', 'admin')).toEqual([{ login: 'admin', role: 'admin' }]);
  });

  test('SQL-injection strings as arguments: found as text or refused cleanly, never run', async () => {
    const schema = schemaOf(db);
    const { id } = json<{ id: string }>(await crm(db, ['add', '--name', '深圳市华强电子有限公司', '--owner', 'zhangwei', '--json']));
    for (const s of INJECTIONS) {
      expect(json<unknown[]>(await crm(db, ['list', '--search', s, '--json']))).toEqual([]);
      expect(json<unknown[]>(await crm(db, ['list', '--region', s, '--industry', s, '--json']))).toEqual([]);
      const show = await crm(db, ['show', s]);
      expect([1, 2]).toContain(show.code);
      expect(show.stderr.trim().split('\n')).toHaveLength(1);
      expect((await crm(db, ['update', id, '--set', `needs=${s}`])).code).toBe(0);
      expect(json<{ needs: string }>(await crm(db, ['show', id, '--json'])).needs).toBe(s);
      expect((await crm(db, ['note', id, '--kind', 'call', '--text', s])).code).toBe(0);
    }
    expect((await crm(db, ['list', '--json'], { login: "admin' --" })).code).toBe(3);
    expect((await crm(db, ['--as', "zhangwei' OR '1'='1", 'list'])).code).toBe(3);
    expect(query(db, "SELECT count(*) AS n FROM notes WHERE kind = 'call'")).toEqual([{ n: INJECTIONS.length }]);
    expect(schemaOf(db)).toEqual(schema);
  });

  test('export neutralises every cell a spreadsheet would read as a formula', async () => {
    for (const [i, s] of INJECTIONS.entries()) await crm(db, ['add', '--name', `${s}${i}`, '--industry', s, '--owner', 'zhangwei', '--allow-duplicate']);
    const out = (await crm(db, ['export'])).stdout;
    const cells = (parse(out.slice(1)) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=cmd|' /C calc'!A0");
  });
});
