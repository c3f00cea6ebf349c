// The entry point: builds the context, runs the command line, and maps every error class to the
// contract's exit codes (0 done, 1 failed, 2 usage or invalid input, 3 permission denied). The
// only place that calls process.exit.
import { CommanderError } from 'commander';
import { userInfo } from 'node:os';
import { buildProgram } from './cli.js';
import type { Context, Streams } from './context.js';
import { resolveDbPath } from './db/database.js';
import { CrmError, PermissionError, UsageError } from './errors.js';
import { detectLang, translator, type Translate } from './i18n/translate.js';
import { usageDetail } from './i18n/usage-errors.js';
import { inquirerPrompter, type Prompter } from './io/prompter.js';

export interface RunDeps {
  io: Streams;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  osLogin?: string;
  prompter?: () => Promise<Prompter>;
  /** Tests may force interactivity on non-TTY streams (with a scripted prompter). */
  interactive?: boolean;
}

/** The value of a global option before commander has parsed anything (for --lang and --db). */
function earlyOption(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === name) return argv[i + 1];
    if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  }
  return undefined;
}

function errorExit(e: unknown, t: Translate, io: Streams, env: NodeJS.ProcessEnv): number {
  const say = (line: string) => io.stderr.write(`${t('err.prefix')}${line}\n`);
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    // A group named without its command (crm report): the help went to stderr; it is a usage error.
    if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : 2;
    say(t('err.usage', { detail: usageDetail(e.code, e.message, t) }));
    return 2;
  }
  if (e instanceof CrmError) {
    say(t(e.key, e.params));
    if (e instanceof UsageError) return 2;
    if (e instanceof PermissionError) return 3;
    return 1;
  }
  const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') say(t('db.busy'));
  else if (code === 'SQLITE_FULL' || code === 'ENOSPC') say(t('io.disk_full'));
  else if (code === 'SQLITE_READONLY') say(t('db.readonly'));
  else if (code.startsWith('E') && e instanceof Error && 'path' in e) say(t('io.file_error', { path: String((e as { path: unknown }).path), reason: e.message }));
  else say(t('err.internal', { message: e instanceof Error ? e.message : String(e) }));
  if (env.CRM_DEBUG === '1' && e instanceof Error) io.stderr.write(`${e.stack}\n`);
  return 1;
}

export async function run(argv: string[], deps: RunDeps): Promise<number> {
  const { io, env } = deps;
  const lang = detectLang(earlyOption(argv, '--lang'), env);
  const t = translator(lang);
  const tty = !!io.stdin.isTTY && !!io.stdout.isTTY && !env.CI;
  const ctx: Context = {
    io,
    env,
    lang,
    t,
    interactive: deps.interactive ?? tty,
    color: !!io.stdout.isTTY && env.NO_COLOR === undefined,
    now: deps.now ?? (() => new Date()),
    osLogin: deps.osLogin ?? userInfo().username,
    asLogin: earlyOption(argv, '--as'),
    dbPath: resolveDbPath(earlyOption(argv, '--db'), env),
    prompter: deps.prompter ?? (() => inquirerPrompter(io, { yes: t('word.yes'), no: t('word.no') })),
  };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return errorExit(e, t, io, env);
  }
}

export function main(): void {
  void run(process.argv.slice(2), { io: process, env: process.env }).then((code) => {
    // Let piped output drain before leaving.
    process.stdout.write('', () => process.exit(code));
  });
}
