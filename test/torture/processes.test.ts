// Separate crm processes at once, a lock held too long, and kill -9 in the middle of an import —
// at CI sizes here; bench/torture.mjs runs the same scenarios at full size. Uses the built binary
// (`npm test` builds it first; alone: node scripts/build.mjs).
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../support/run.js';
import { concurrentWriters, killDuringImport, lockedOut } from './scenarios.js';

const BIN = new URL('../../bin/crm.js', import.meta.url).pathname;

describe('crm under concurrency and crashes', () => {
  const dir = useTempDir();

  test('4 processes × 4 adds and updates at once, with a reader and backups: every write present, no error, integrity ok', async () => {
    const f = await concurrentWriters(BIN, dir(), 4, 4);
    expect(f.errors).toEqual([]);
    expect(f.missing).toEqual([]);
    expect(f.integrity).toBe('ok');
    expect(f.reads).toBeGreaterThan(0);
    expect(f.backups).toBeGreaterThan(0); // taken while the writers ran, and sound
    expect(f.backupIntegrity).toBe('ok');
    expect(f.failures).toBe(0);
  });

  test('a write lock held past the busy timeout: the other writer exits 1 "database busy" and writes nothing', async () => {
    const f = await lockedOut(BIN, dir(), 5600);
    expect(f.code).toBe(1);
    expect(f.stderr).toBe('error: database busy (someone else is writing); nothing was written: try again.\n');
    expect(f.ms).toBeGreaterThanOrEqual(5000); // it waited the busy timeout first
    expect(f.customersAfter).toBe(f.customersBefore);
  }, 60_000);

  test('kill -9 at random moments of an import: integrity ok and all or none of it, every time', async () => {
    const f = await killDuringImport(BIN, dir(), 2000, 4, 8);
    expect(f.failures).toEqual([]);
    expect(f.none + f.all).toBe(4);
    expect(f.none).toBeGreaterThan(0); // the kills did land before the commit
  });
});
