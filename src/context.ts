// What every command receives instead of reaching for globals: its streams, environment,
// language, clock, prompter and database location. Tests build one with fixed answers and a
// fixed date; main.ts builds the real one.
import type { Lang, Translate } from './i18n/translate.js';
import type { Prompter } from './io/prompter.js';

export interface Streams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface Context {
  io: Streams;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  t: Translate;
  /** Prompts, spinners and paging only when a person is at a terminal (not with CI set). */
  interactive: boolean;
  /** Colour only on a TTY and never with NO_COLOR. */
  color: boolean;
  now: () => Date;
  /** The operating-system login, recorded with every action. */
  osLogin: string;
  /** --as: act as this staff member (admins only). */
  asLogin: string | undefined;
  dbPath: string;
  /** Loaded on first use: the prompt library costs start-up time that only walks need. */
  prompter: () => Promise<Prompter>;
}

export function print(ctx: Context, text: string): void {
  ctx.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Whether a document (a report, an export) written to `out` (undefined: stdout) is JSON indented
 * for a person at a terminal, rather than on one line for a program or a file: a large book's
 * document is half the size that way (jq . indents it). */
export function indentsDocument(ctx: Context, out: string | undefined): boolean {
  return out === undefined && !!ctx.io.stdout.isTTY;
}

export function warn(ctx: Context, text: string): void {
  ctx.io.stderr.write(text.endsWith('\n') ? text : text + '\n');
}
