// All questions crm asks go through this interface, so tests can answer them from a script and
// the prompt library is loaded only by commands that ask.
import { emitKeypressEvents } from 'node:readline';
import { CancelledError } from '../errors.js';
import type { Streams } from '../context.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
}

export interface Prompter {
  /** `validate` returns true, or the message to show beside the field. */
  input(message: string, options?: { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  select<T extends string>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T extends string>(message: string, choices: Choice<T>[]): Promise<T[]>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

function isCancel(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

type PromptContext = { input: Streams['stdin']; output: Streams['stdout']; signal: AbortSignal };

/** The real prompter, on @inquirer/prompts. Ctrl-C or Esc becomes a CancelledError: nothing is written. */
export async function inquirerPrompter(io: Streams, words: { yes: string; no: string }): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  // Each question listens for Esc, which is how people back out of a form, and aborts itself.
  emitKeypressEvents(io.stdin);
  const guard = async <T>(ask: (context: PromptContext) => Promise<T>): Promise<T> => {
    const abort = new AbortController();
    const onKey = (_: unknown, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') abort.abort();
    };
    io.stdin.on('keypress', onKey);
    try {
      return await ask({ input: io.stdin, output: io.stdout, signal: abort.signal });
    } catch (e) {
      if (isCancel(e)) throw new CancelledError('walk.cancelled');
      throw e;
    } finally {
      io.stdin.off('keypress', onKey);
    }
  };
  return {
    input: (message, o = {}) =>
      guard((c) => inquirer.input({ message, default: o.default, validate: o.validate ? (v: string) => o.validate!(v) : undefined }, c as never)),
    select: (message, choices, defaultValue) => guard((c) => inquirer.select({ message, choices, default: defaultValue, pageSize: 12 }, c as never)),
    checkbox: (message, choices) => guard((c) => inquirer.checkbox({ message, choices, pageSize: 12 }, c as never)),
    confirm: (message, defaultValue) =>
      guard((c) => inquirer.confirm({ message, default: defaultValue, transformer: (yes: boolean) => (yes ? words.yes : words.no) }, c as never)),
  };
}
