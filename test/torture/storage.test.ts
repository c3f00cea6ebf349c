// The file itself misbehaving: from a newer crm, not a database, in a directory that does not
// exist, read-only, or on a full disk. Each ends with one clear line, exit 1, nothing half-written.
// Read-only is simulated without privilege by permissions (as root, whom permissions do not stop,
// by running crm as the unprivileged user `nobody`); the full disk by a small tmpfs, which needs
// root to mount: that test is skipped, saying so, where mounting is not permitted.
import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';
import { count } from '../support/db.js';
import { useTempDir } from '../support/run.js';
import { writeCardFile } from './scenarios.js';

const BIN = new URL('../../bin/crm.js', import.meta.url).pathname;
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

function crmAs(db: string, argv: string[], as: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...argv], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: '/tmp', LANG: 'en_US.UTF-8', CI: '1' },
    ...as,
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
const oneLine = (stderr: string) => stderr.trim().split('\n').length === 1 && !/\n\s+at /.test(stderr);

function mountable(): boolean {
  if (!IS_ROOT) return false;
  const probe = join(process.env.TMPDIR ?? '/tmp', `crm-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  spawnSync('rmdir', [probe]);
  return ok;
}
const CAN_MOUNT = mountable();
/** As root, the read-only test runs crm as `nobody`, who must be able to reach the checkout (not
 * so in a clone under a private directory such as /root). */
const CAN_TEST_READ_ONLY = !IS_ROOT || spawnSync(process.execPath, [BIN, '--version'], { uid: NOBODY, gid: NOBODY }).status === 0;

describe('the database file misbehaving', () => {
  const dir = useTempDir();

  function newDb(name = 'crm.db'): string {
    const db = join(dir(), name);
    expect(crmAs(db, ['init']).code).toBe(0);
    expect(crmAs(db, ['add', '--name', '深圳市华强电子有限公司']).code).toBe(0);
    return db;
  }

  test('a database from a newer crm is refused and left byte for byte as it was', () => {
    const db = newDb();
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(db);
    for (const argv of [['list'], ['add', '--name', '中兴'], ['backup', join(dir(), 'b.db')]]) {
      const r = crmAs(db, argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1} but this crm supports up to ${SCHEMA_VERSION}: upgrade crm`));
      expect(oneLine(r.stderr)).toBe(true);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  test('a file that is not a database, and a directory that does not exist', () => {
    const notDb = join(dir(), 'notes.db');
    writeFileSync(notDb, '客户名单\n'.repeat(1000));
    const r = crmAs(notDb, ['add', '--name', '中兴']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/is not a crm database/) });
    expect(readFileSync(notDb, 'utf8')).toBe('客户名单\n'.repeat(1000));
    const nowhere = join(dir(), 'no', 'such', 'dir', 'crm.db');
    const m = crmAs(nowhere, ['add', '--name', '中兴']);
    expect(m).toMatchObject({ code: 1, stderr: expect.stringMatching(/no database at .*run crm init/) });
    expect(existsSync(join(dir(), 'no'))).toBe(false);
    expect(oneLine(r.stderr) && oneLine(m.stderr)).toBe(true);
  });

  test.skipIf(!CAN_TEST_READ_ONLY)('a read-only database file (as root: skipped unless `nobody` can run this checkout): writes fail with one clear line and nothing changes', () => {
    const db = newDb();
    // Root ignores permissions: act as `nobody`, registered as an administrator of the file.
    let as: SpawnSyncOptions = {};
    if (IS_ROOT) {
      as = { uid: NOBODY, gid: NOBODY };
      const login = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("os").userInfo().username)'], { ...as, encoding: 'utf8' }).stdout;
      expect(crmAs(db, ['staff', 'add', login, '--name', '值班', '--role', 'admin']).code).toBe(0);
      chmodSync(dir(), 0o755);
      chmodSync(db, 0o644);
    } else {
      chmodSync(db, 0o444);
      chmodSync(dir(), 0o555);
    }
    try {
      const before = readFileSync(db);
      const r = crmAs(db, ['add', '--name', '上海中兴贸易有限公司'], as);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/read-only|cannot open the database .*permissions/);
      expect(oneLine(r.stderr)).toBe(true);
      expect(readFileSync(db).equals(before)).toBe(true);
    } finally {
      chmodSync(dir(), 0o700);
    }
  });

  test.skipIf(!CAN_TEST_READ_ONLY)('a backup into a directory one may not write: one line naming the file asked for, not the temporary one', () => {
    const db = newDb();
    const locked = join(dir(), 'locked');
    mkdirSync(locked);
    let as: SpawnSyncOptions = {};
    if (IS_ROOT) {
      as = { uid: NOBODY, gid: NOBODY };
      const login = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("os").userInfo().username)'], { ...as, encoding: 'utf8' }).stdout;
      expect(crmAs(db, ['staff', 'add', login, '--name', '值班', '--role', 'admin']).code).toBe(0);
      spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir()]);
      chmodSync(dir(), 0o755);
    }
    chmodSync(locked, 0o555);
    try {
      const r = crmAs(db, ['backup', join(locked, 'b.db')], as);
      expect(r).toMatchObject({ code: 1, stderr: `error: cannot write ${join(locked, 'b.db')}: no permission to write in ${locked} (or it is read-only). Choose another directory.\n` });
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
      chmodSync(dir(), 0o700);
    }
  });

  test.skipIf(!CAN_MOUNT)('a full disk (an 8 MB tmpfs; skipped unless root may mount one): the import and the backup fail cleanly', async () => {
    const disk = join(dir(), 'disk');
    mkdirSync(disk);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', disk]).status).toBe(0);
    try {
      const db = newDb(join('disk', 'crm.db'));
      const csv = join(dir(), 'cards.csv');
      await writeCardFile(csv, 5000);
      // Leave the database a few pages to grow into, not the megabytes the import needs.
      const free = Number(spawnSync('df', ['--output=avail', '-B1', disk], { encoding: 'utf8' }).stdout.split('\n')[1]);
      writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, free - 64 * 1024)));
      const r = crmAs(db, ['import', csv]);
      expect(r).toMatchObject({ code: 1, stderr: 'error: the disk is full; nothing was written: free some space and try again.\n' });
      expect(count(db, 'customers')).toBe(1);
      expect(new Database(db).pragma('integrity_check', { simple: true })).toBe('ok');
      // A backup onto the full disk: refused, no half file left behind.
      const outside = newDb('outside.db');
      const b = crmAs(outside, ['backup', join(disk, 'b.db')]);
      expect(b).toMatchObject({ code: 1, stderr: expect.stringMatching(/disk is full/) });
      expect(readdirSync(disk).filter((f) => f.startsWith('b.db'))).toEqual([]);
      // With space again, the same import goes through.
      writeFileSync(join(disk, 'filler'), '');
      expect(crmAs(db, ['import', csv])).toMatchObject({ code: 0, stderr: '' });
      expect(count(db, 'customers')).toBe(5001);
    } finally {
      spawnSync('umount', ['-l', disk]);
    }
  });
});
