import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, useTempDir } from '../support/run.js';

describe('crm init', () => {
  const dir = useTempDir();

  test('creates a 0600 database and registers the OS login as admin', async () => {
    const db = join(dir(), 'sub', 'crm.db');
    const r = await crm(db, ['init'], { login: 'liming' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(db);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const staff = json<{ login: string; role: string; active: boolean }[]>(await crm(db, ['staff', 'list', '--json'], { login: 'liming' }));
    expect(staff).toEqual([expect.objectContaining({ login: 'liming', role: 'admin', active: true })]);
    const [created] = query<{ os_login: string; command: string; new_value: string }>(db, 'SELECT os_login, command, new_value FROM history WHERE entity = ?', 'staff');
    expect(created).toMatchObject({ os_login: 'liming', command: 'init' });
    expect(JSON.parse(created!.new_value)).toEqual({ login: 'liming', name: 'liming', role: 'admin' });
  });

  test('refuses to overwrite an existing file', async () => {
    const db = join(dir(), 'crm.db');
    writeFileSync(db, 'precious');
    const r = await crm(db, ['init']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(statSync(db).size).toBe('precious'.length);
  });

  test('no other command creates a database by accident', async () => {
    const db = join(dir(), 'missing.db');
    for (const argv of [['list'], ['show', 'C1'], ['add', '--name', 'X'], ['staff', 'list']]) {
      const r = await crm(db, argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/run crm init/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(db)).toBe(false);
  });

  test('speaks Chinese under a zh locale or --lang zh', async () => {
    const db = join(dir(), 'missing.db');
    expect((await crm(db, ['list'], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(/^错误：数据库 .* 不存在：请先运行 crm init/);
    expect((await crm(db, ['--lang', 'zh', 'list'])).stderr).toMatch(/请先运行 crm init/);
    expect((await crm(db, ['--lang', 'en', 'list'], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(/run crm init/);
  });
});
