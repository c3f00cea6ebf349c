// Files written whole or not at all, and failures told as the user can act on them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { StorageError } from '../../src/errors.js';
import { filesAfterCommit, stageFiles, writeFailure, writeFilesAtomically } from '../../src/io/atomic-files.js';
import { useTempDir } from '../support/run.js';

const dir = useTempDir();

test('staged files appear only on commit, and discard leaves nothing', () => {
  const a = join(dir(), 'a.csv');
  const b = join(dir(), 'b.csv');
  writeFileSync(a, 'old');
  const staged = stageFiles([
    { path: a, text: 'new a' },
    { path: b, text: 'new b' },
  ]);
  expect(readFileSync(a, 'utf8')).toBe('old');
  expect(existsSync(b)).toBe(false);
  staged.commit();
  expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['new a', 'new b']);
  stageFiles([{ path: a, text: 'never' }]).discard();
  expect(readFileSync(a, 'utf8')).toBe('new a');
  expect(readdirSync(dir()).sort()).toEqual(['a.csv', 'b.csv']);
});

test('one file that cannot be written: none is, no temporary is left, and the message names that file', () => {
  const good = join(dir(), 'good.csv');
  const bad = join(dir(), 'missing', 'bad.csv');
  let error: unknown;
  try {
    writeFilesAtomically([
      { path: good, text: 'x' },
      { path: bad, text: 'y' },
    ]);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).key).toBe('file.no_directory');
  expect((error as StorageError).params).toEqual({ path: bad, dir: join(dir(), 'missing') });
  expect(readdirSync(dir())).toEqual([]);
});

test.each([
  ['ENOENT', 'file.no_directory'],
  ['EACCES', 'file.not_writable'],
  ['EROFS', 'file.not_writable'],
  ['EISDIR', 'file.is_directory'],
  ['ENOSPC', 'io.disk_full'],
  ['EIO', 'file.cannot_write'],
])('%s is told as %s', (code, key) => {
  const e = Object.assign(new Error(`${code}: something, open '/x/.y.tmp'`), { code });
  expect(writeFailure('/x/y.csv', e).key).toBe(key);
});

test('a directory where the file should go', () => {
  const target = join(dir(), 'out');
  mkdirSync(target);
  expect(() => writeFilesAtomically([{ path: target, text: 'x' }])).toThrow(expect.objectContaining({ key: 'file.is_directory' }));
});

test('files staged in a transaction appear once it returns, and not at all when it throws (or its promise rejects)', async () => {
  const out = join(dir(), 'list.csv');
  await expect(
    filesAfterCommit((stage) => {
      stage([{ path: out, text: 'x' }]);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  await expect(
    filesAfterCommit(async (stage) => {
      stage([{ path: out, text: new Uint8Array([0x50, 0x4b]) }]);
      await new Promise((r) => setImmediate(r));
      throw new Error('rolled back later');
    }),
  ).rejects.toThrow('rolled back later');
  expect(readdirSync(dir())).toEqual([]);
  expect(
    await filesAfterCommit((stage) => {
      stage([{ path: out, text: 'x' }]);
      expect(existsSync(out)).toBe(false);
      return 7;
    }),
  ).toBe(7);
  expect(readFileSync(out, 'utf8')).toBe('x');
  // Bytes are written as they are.
  await filesAfterCommit(async (stage) => stage([{ path: out, text: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) }]));
  expect(readFileSync(out)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
});
