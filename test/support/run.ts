// Runs the crm command line in-process, as main.ts would, with captured output, a fixed clock,
// a chosen OS login and, for interactive walks, a scripted prompter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, expect } from 'vitest';
import { run } from '../../src/main.js';
import type { Prompter } from '../../src/io/prompter.js';
import { snapshot } from './db.js';

export const FIXED_NOW = new Date('2026-11-23T10:00:00+08:00');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  login?: string;
  stdin?: string;
  prompter?: Prompter;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** stdout as a terminal (what a person reads), though still captured. */
  stdoutTTY?: boolean;
}

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function crm(db: string, argv: string[], o: RunOptions = {}): Promise<RunResult> {
  const out = sink();
  const err = sink();
  if (o.stdoutTTY) Object.assign(out.stream, { isTTY: true });
  const code = await run(['--db', db, ...argv], {
    io: { stdin: Readable.from([o.stdin ?? '']), stdout: out.stream, stderr: err.stream },
    env: { LANG: 'en_US.UTF-8', ...o.env },
    now: () => o.now ?? FIXED_NOW,
    osLogin: o.login ?? 'admin',
    prompter: o.prompter ? async () => o.prompter! : undefined,
    interactive: o.prompter ? true : undefined,
  });
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.text(), stderr: err.text() };
}

/** crm() for a step that must succeed (a test's setup): its stdout, or an error naming the
 * command, its exit code and its stderr. */
export async function crmOk(db: string, argv: string[], o: RunOptions = {}): Promise<string> {
  const r = await crm(db, argv, o);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A command refused as a usage error: exit 2, the reason on stderr, and nothing written. */
export async function expectRefused(db: string, argv: string[], reason: RegExp, o: RunOptions = {}): Promise<void> {
  const before = snapshot(db);
  const r = await crm(db, argv, o);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(reason);
  expect(snapshot(db)).toEqual(before);
}

/** A fresh temp directory for each test, removed afterwards: call the result for its path. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** A new database with `admin` as administrator and a few staff members. */
export async function seededDb(dir: string): Promise<string> {
  const db = join(dir, 'crm.db');
  const must = (argv: string[]) => crmOk(db, argv);
  await must(['init', '--name', '管理员']);
  await must(['staff', 'add', 'zhangwei', '--name', '张伟', '--role', 'rep', '--region', '华南']);
  await must(['staff', 'add', 'lina', '--name', '李娜', '--role', 'rep', '--region', '华东']);
  await must(['staff', 'add', 'wangfang', '--name', '王芳', '--role', 'region-manager', '--region', '华南']);
  await must(['staff', 'add', 'zhaomin', '--name', '赵敏', '--role', 'gm']);
  await must(['staff', 'add', 'guest', '--name', '访客', '--role', 'other']);
  return db;
}

export function json<T = unknown>(r: RunResult): T {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
