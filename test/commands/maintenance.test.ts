import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { APPLICATION_ID } from '../../src/db/database.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';
import { damagePage } from '../support/damage.js';
import { count, query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

interface Doctor {
  ok: boolean;
  checks: { check: string; ok: boolean; detail: string }[];
}
const failing = (d: Doctor) => d.checks.filter((c) => !c.ok).map((c) => c.check);

describe('crm backup, restore and doctor', () => {
  const dir = useTempDir();
  let db = '';

  async function addCustomers(names: string[]): Promise<void> {
    for (const name of names) {
      const r = await crm(db, ['add', '--name', name, '--owner', 'zhangwei', '--contact-name', '王强', '--contact-mobile', `1380013${String(8000 + names.indexOf(name)).padStart(4, '0')}`, '--allow-duplicate']);
      if (r.code !== 0) throw new Error(r.stderr);
    }
  }

  beforeEach(async () => {
    db = await seededDb(dir());
    await addCustomers(['深圳市华强电子有限公司', '上海中兴贸易有限公司']);
  });

  test('backup: a 0600 copy that passes integrity_check, holds every row, and is in the access log', async () => {
    const out = join(dir(), 'copies', 'b1.db');
    mkdirSync(join(dir(), 'copies'));
    const r = json<Record<string, unknown>>(await crm(db, ['backup', out, '--json']));
    expect(r).toEqual({ path: out, customers: 2, bytes: statSync(out).size, schema_version: SCHEMA_VERSION, integrity: 'ok' });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(count(out, 'customers')).toBe(2);
    expect(count(out, 'contacts')).toBe(2);
    expect(query(out, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(query(db, "SELECT action, basis, customer_id FROM access_log WHERE action = 'backup'")).toEqual([{ action: 'backup', basis: 'all', customer_id: null }]);
    expect(readdirSync(join(dir(), 'copies'))).toEqual(['b1.db']); // no temporary file left
  });

  test('backup refuses: an existing file without --force, a missing directory, the database itself, a rep', async () => {
    const out = join(dir(), 'b.db');
    expect((await crm(db, ['backup', out])).code).toBe(0);
    const again = await crm(db, ['backup', out]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists.*--force/) });
    expect((await crm(db, ['backup', out, '--force'])).code).toBe(0);
    const nodir = await crm(db, ['backup', join(dir(), 'no', 'such', 'b.db')]);
    expect(nodir).toMatchObject({ code: 1, stderr: expect.stringMatching(/directory .* does not exist/) });
    expect((await crm(db, ['backup', db])).code).toBe(2);
    const rep = await crm(db, ['backup', join(dir(), 'rep.db')], { login: 'zhangwei' });
    expect(rep).toMatchObject({ code: 3, stderr: expect.stringMatching(/administrator or the records clerk/) });
    expect(existsSync(join(dir(), 'rep.db'))).toBe(false);
  });

  test('backup refuses a directory, an empty name and anything but a plain file, --force or not, naming no temporary file', async () => {
    const folder = join(dir(), 'backups');
    mkdirSync(folder);
    for (const target of [folder, `${folder}/`]) {
      for (const force of [[], ['--force']]) {
        const r = await crm(db, ['backup', target, ...force]);
        expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a directory: name the backup file inside it/) });
        expect(r.stderr).not.toMatch(/\.tmp|EISDIR/);
      }
    }
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(await crm(db, ['backup', ''])).toMatchObject({ code: 2, stderr: expect.stringMatching(/name the backup file/) });
    // A device (here a FIFO, which a root user could otherwise replace) is never overwritten.
    const fifo = join(dir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await crm(db, ['backup', fifo, '--force'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/is not a regular file/) });
    expect(statSync(fifo).isFIFO()).toBe(true);
    // A path through a file: told as the user can act on it, never the temporary name or Node's text.
    const through = await crm(db, ['backup', join(db, 'b.db')]);
    expect(through).toMatchObject({ code: 1, stderr: expect.stringMatching(/directory .*crm\.db does not exist/) });
    expect(through.stderr).not.toMatch(/\.tmp|ENOTDIR|lstat/);
    expect(readdirSync(dir()).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('restore puts the backup back and keeps the previous database as a timestamped copy', async () => {
    const backup = join(dir(), 'b.db');
    await crm(db, ['backup', backup]);
    await addCustomers(['北京长城科技有限公司']);
    expect(count(db, 'customers')).toBe(3);
    const r = json<{ previous: string; customers: number; schema_version: number }>(await crm(db, ['restore', backup, '--json']));
    expect(r).toMatchObject({ customers: 2, schema_version: SCHEMA_VERSION });
    expect(r.previous).toMatch(new RegExp(`^${db}\\.before-restore-2026-11-2[23]T\\d{6}$`)); // local time
    expect(count(db, 'customers')).toBe(2);
    expect(count(r.previous, 'customers')).toBe(3);
    expect(statSync(r.previous).mode & 0o777).toBe(0o600);
    expect(query(db, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // The restored database is used as before.
    expect(await crm(db, ['show', 'C000002', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect((await crm(db, ['show', 'C000003'])).code).toBe(1);
  });

  test('a second restore in the same second keeps its own previous copy and leaves the first one alone', async () => {
    const backup = join(dir(), 'b.db');
    await crm(db, ['backup', backup]);
    await addCustomers(['北京长城科技有限公司']);
    const first = json<{ previous: string }>(await crm(db, ['restore', backup, '--json'])).previous;
    // The clock of these tests stands still: the second restore has the same time.
    const again = await crm(db, ['restore', backup, '--json']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    const second = json<{ previous: string }>(again).previous;
    expect(second).toBe(`${first}-2`);
    expect(count(first, 'customers')).toBe(3); // what was there before the first restore is still kept
    expect(count(second, 'customers')).toBe(2);
  });

  test('restore validates the file first and changes nothing when it is refused', async () => {
    const before = count(db, 'customers');
    const notDb = join(dir(), 'notes.txt');
    writeFileSync(notDb, 'this is not a database\n'.repeat(200));
    expect(await crm(db, ['restore', notDb])).toMatchObject({ code: 1, stderr: expect.stringMatching(/is not a crm database .*cannot be restored: pick a file made by crm backup/) });
    const other = join(dir(), 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(await crm(db, ['restore', other])).toMatchObject({ code: 1, stderr: expect.stringMatching(/is not a crm database/) });
    const future = join(dir(), 'future.db');
    await crm(db, ['backup', future]);
    const f = new Database(future);
    f.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    f.close();
    expect(await crm(db, ['restore', future])).toMatchObject({ code: 1, stderr: expect.stringMatching(/schema version \d+ but this crm supports up to/) });
    const broken = join(dir(), 'broken.db');
    await crm(db, ['backup', broken]);
    damagePage(broken, 'contacts_mobile');
    expect(await crm(db, ['restore', broken])).toMatchObject({ code: 1, stderr: expect.stringMatching(/fails integrity_check/) });
    expect(await crm(db, ['restore', join(dir(), 'missing.db')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no backup file/) });
    expect(await crm(db, ['restore', dir()])).toMatchObject({ code: 2, stderr: `error: ${dir()} is a directory: name the backup file in it.\n` });
    const good = join(dir(), 'good.db');
    await crm(db, ['backup', good]);
    expect((await crm(db, ['restore', good], { login: 'zhaomin' })).code).toBe(3); // the GM is not an administrator
    expect(count(db, 'customers')).toBe(before);
    expect(readdirSync(dir()).filter((f) => f.includes('before-restore') || f.includes('.tmp'))).toEqual([]);
  });

  test('restore onto a file that is not a database any more (or none at all) moves it aside whole', async () => {
    const backup = join(dir(), 'b.db');
    await crm(db, ['backup', backup]);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) writeFileSync(db + suffix, Buffer.alloc(8192, 0x5a));
    const r = json<{ previous: string }>(await crm(db, ['restore', backup, '--json']));
    expect(count(db, 'customers')).toBe(2);
    expect(statSync(r.previous).size).toBe(8192);
    const fresh = join(dir(), 'fresh', 'crm.db'); // a new machine: no database yet
    mkdirSync(join(dir(), 'fresh'));
    expect(json<{ previous: null }>(await crm(fresh, ['restore', backup, '--json'])).previous).toBeNull();
    expect(count(fresh, 'customers')).toBe(2);
  });

  test('doctor: every check passes on a sound database', async () => {
    const r = json<Doctor>(await crm(db, ['doctor', '--json']));
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.check)).toEqual(['permissions', 'crm_file', 'schema_version', 'settings', 'integrity', 'foreign_keys', 'schema', 'wal']);
    expect(r.checks.find((c) => c.check === 'settings')!.detail).toBe('journal_mode=wal, foreign_keys=1, busy_timeout=5000, secure_delete=1');
    const human = await crm(db, ['doctor']);
    expect(human.stdout).toMatch(/✓ integrity_check: ok/);
  });

  test('doctor lists what is wrong and exits 1: permissions, foreign keys, a missing index, a foreign file', async () => {
    chmodSync(db, 0o644);
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.exec('UPDATE contacts SET customer_id = 999 WHERE id = 1; DROP INDEX customers_region');
    raw.close();
    const r = await crm(db, ['doctor', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/found 3 problem/);
    const d = JSON.parse(r.stdout) as Doctor;
    expect(failing(d)).toEqual(['permissions', 'foreign_keys', 'schema']);
    expect(d.checks.find((c) => c.check === 'foreign_keys')!.detail).toBe('contacts #1 → customers');
    expect(d.checks.find((c) => c.check === 'schema')!.detail).toBe('- index customers_region');
    const foreign = join(dir(), 'foreign.db');
    new Database(foreign).exec('CREATE TABLE t (x)');
    chmodSync(foreign, 0o600);
    expect(failing(JSON.parse((await crm(foreign, ['doctor', '--json'])).stdout) as Doctor)).toEqual(['crm_file']);
    // Not a database at all: said in the user's language, not in SQLite's English.
    const garbage = join(dir(), 'garbage.db');
    writeFileSync(garbage, '客户名单\n'.repeat(500), { mode: 0o600 });
    const zh = await crm(garbage, ['doctor', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/✗ crm 数据库标识: 不是 SQLite 数据库文件/);
    expect(zh.stdout).not.toMatch(/file is not a database/);
  });

  test('a damaged database: doctor finds it, every write (a logged consultation too) refuses until a restore', async () => {
    const backup = join(dir(), 'b.db');
    await crm(db, ['backup', backup]);
    damagePage(db, 'surveys_customer'); // an index no command below touches
    // Nothing has looked yet: a write goes through (a full quick_check on every write would cost seconds).
    expect((await crm(db, ['update', 'C000001', '--set', 'grade=B'])).code).toBe(0);
    const d = await crm(db, ['doctor', '--json']);
    expect(d.code).toBe(1);
    expect(failing(JSON.parse(d.stdout) as Doctor)).toEqual(['integrity']);
    expect(existsSync(`${db}-damaged`)).toBe(true);
    const write = await crm(db, ['update', 'C000001', '--set', 'grade=A']);
    expect(write).toMatchObject({ code: 1, stderr: expect.stringMatching(/is damaged; nothing was written: run crm doctor/) });
    expect(query(db, "SELECT grade FROM customers WHERE id = 1")).toEqual([{ grade: 'B' }]);
    expect((await crm(db, ['restore', backup])).code).toBe(0);
    expect(existsSync(`${db}-damaged`)).toBe(false);
    expect((await crm(db, ['update', 'C000001', '--set', 'grade=A'])).code).toBe(0);
    expect(json<Doctor>(await crm(db, ['doctor', '--json'])).ok).toBe(true);
  });

  test('a file marked damaged whose quick_check itself fails (a table root) refuses writes as damage, not as an unexpected error', async () => {
    damagePage(db, 'surveys');
    expect((await crm(db, ['doctor'])).code).toBe(1);
    expect(existsSync(`${db}-damaged`)).toBe(true);
    for (const args of [['export'], ['update', 'C000001', '--set', 'grade=B']]) {
      const r = await crm(db, args);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/is damaged; nothing was written: run crm doctor/) });
      expect(r.stderr).not.toMatch(/unexpected/);
    }
  });

  test('a backup of a database with a damaged table fails as damage and leaves no file', async () => {
    damagePage(db, 'surveys');
    const out = join(dir(), 'b.db');
    expect(await crm(db, ['backup', out])).toMatchObject({ code: 1, stderr: expect.stringMatching(/is damaged; nothing was written: run crm doctor/) });
    expect(readdirSync(dir()).filter((f) => f.startsWith('b.db'))).toEqual([]);
    expect(existsSync(`${db}-damaged`)).toBe(true);
  });

  test('a write that meets damage itself is rolled back, reported as damage, and marks the file', async () => {
    damagePage(db, 'contacts_mobile');
    const before = count(db, 'customers');
    const r = await crm(db, ['add', '--name', '广州天马光电有限公司', '--contact-name', '李雷', '--contact-mobile', '13912345678']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/is damaged; nothing was written/) });
    expect(existsSync(`${db}-damaged`)).toBe(true);
    expect(count(db, 'customers')).toBe(before);
  });

  test('doctor reports an older schema as upgraded at the next command, a newer one as a failure', async () => {
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
    const r = await crm(db, ['doctor', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Doctor).checks.find((c) => c.check === 'schema_version')).toMatchObject({ ok: false, detail: expect.stringMatching(/upgrade crm/) });
  });
});
