// End to end: the built `crm` binary, spawned as a script or cron job would run it, with piped
// stdin and no terminal.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { describe, expect, test } from 'vitest';
import { count } from '../support/db.js';
import { crm, useTempDir } from '../support/run.js';

const BIN = new URL('../../bin/crm.js', import.meta.url).pathname;
const ME = userInfo().username;

function spawnCrm(db: string, argv: string[], input = '', env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', CRM_DB: db, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the crm binary', () => {
  const dir = useTempDir();

  test('an xlsx export piped to a file is the workbook itself (bytes, not text)', () => {
    const db = join(dir(), 'crm.db');
    expect(spawnCrm(db, ['init']).code).toBe(0);
    expect(spawnCrm(db, ['add', '--name', '深圳市华强电子有限公司', '--bank-account', '6222021234567890123']).code).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'export', '--format', 'xlsx'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', CRM_DB: db } });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });

  test('a clerk’s day as a script: init, staff, add from stdin, find, change, history', () => {
    const db = join(dir(), 'crm.db');
    expect(spawnCrm(db, ['init']).code).toBe(0);
    expect(spawnCrm(db, ['staff', 'add', 'zhangwei', '--name', '张伟', '--role', 'rep', '--region', '华南']).code).toBe(0);
    const card = { name: '深圳市华强电子有限公司', phone: '0755-83765432', owner: 'zhangwei', contacts: [{ name: '王强', mobile: '13800138000' }] };
    const added = spawnCrm(db, ['add', '--json', '-'], JSON.stringify(card));
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(added.stdout) as { id: string };
    const shown = JSON.parse(spawnCrm(db, ['show', id, '--json']).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ id, name: card.name, owner: 'zhangwei', contacts: [expect.objectContaining({ mobile: '13800138000' })] });
    const found = JSON.parse(spawnCrm(db, ['list', '--search', 'hqdz', '--json']).stdout) as { id: string }[];
    expect(found.map((r) => r.id)).toEqual([id]);
    expect(spawnCrm(db, ['update', id, '--set', 'grade=A']).code).toBe(0);
    const history = JSON.parse(spawnCrm(db, ['history', id, '--json']).stdout) as { field: string; os_login: string }[];
    expect(history.at(-1)).toMatchObject({ field: 'grade', os_login: ME });
  });

  test('--json prints one JSON document and nothing else; no colour codes in a pipe', () => {
    const db = join(dir(), 'crm.db');
    spawnCrm(db, ['init']);
    spawnCrm(db, ['add', '--name', '华强电子']);
    for (const argv of [['list', '--json'], ['show', 'C000001', '--json'], ['staff', 'list', '--json'], ['history', 'C1', '--json']]) {
      const r = spawnCrm(db, argv);
      expect(r.code).toBe(0);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    const human = spawnCrm(db, ['show', 'C000001'], '', { FORCE_COLOR: '1' });
    expect(human.stdout).not.toMatch(/\u001b\[/);
  });

  test.each([
    [['list', '--bogus'], 2, /unknown option '--bogus'/],
    [['frobnicate'], 2, /unknown command/],
    [['show'], 2, /missing required argument/],
    [['add'], 2, /--json FILE/],
    [['show', 'C000404'], 1, /no customer C000404/],
    [['add', '--name', '公司', '--uscc', 'ABC'], 2, /credit code/],
  ])('%j exits %i with one clear line and no stack trace', (argv, code, message) => {
    const db = join(dir(), 'crm.db');
    spawnCrm(db, ['init']);
    const r = spawnCrm(db, argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing database exits 1 telling to run crm init, and creates nothing', () => {
    const db = join(dir(), 'nowhere.db');
    const r = spawnCrm(db, ['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run crm init/);
  });

  test('an OS login that is not registered exits 3 naming the fix', async () => {
    const db = join(dir(), 'crm.db');
    await crm(db, ['init'], { login: 'someone-else' });
    const r = spawnCrm(db, ['list']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`crm staff add ${ME}`);
  });

  test('nothing is written when the input is bad', () => {
    const db = join(dir(), 'crm.db');
    spawnCrm(db, ['init']);
    const history = count(db, 'history');
    const r = spawnCrm(db, ['add', '--json', '-'], '{"name":"公司","contacts":[{"name":"王","mobile":"123"}]}');
    expect(r.code).toBe(2);
    expect(count(db, 'customers')).toBe(0);
    expect(count(db, 'contacts')).toBe(0);
    expect(count(db, 'history')).toBe(history);
  });

  test('--help and --version work without a database', () => {
    const db = join(dir(), 'none.db');
    expect(spawnCrm(db, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: crm') });
    expect(spawnCrm(db, ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spawnCrm(db, ['--lang', 'zh', '--help']).stdout).toContain('新建客户资料');
  });

  test('a command group named without its command (crm report) shows its help on stderr and exits 2', () => {
    const db = join(dir(), 'none.db');
    const r = spawnCrm(db, ['report']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: crm report .*\n[\s\S]*monthly/);
    expect(spawnCrm(db, ['report', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: crm report') });
  });
});

test('help speaks Chinese under zh, titles included', () => {
  const r = spawnSync(process.execPath, [BIN, '--lang', 'zh', 'show', '--help'], { encoding: 'utf8' });
  expect(r.stdout).toMatch(/^用法： crm show/);
  expect(r.stdout).toContain('选项：');
  expect(r.stdout).toContain('显示帮助');
});
