// All questions crm asks go through this interface, so tests can answer them from a script and
// the prompt library is loaded only by commands that ask.
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

/** The real prompter, on @inquirer/prompts. Ctrl-C becomes a CancelledError: nothing is written. */
export async function inquirerPrompter(io: Streams, words: { yes: string; no: string }): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = { input: io.stdin, output: io.stdout } as never;
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (e) {
      if (isCancel(e)) throw new CancelledError('walk.cancelled');
      throw e;
    }
  };
  return {
    input: (message, o = {}) =>
      guard(inquirer.input({ message, default: o.default, validate: o.validate ? (v: string) => o.validate!(v) : undefined }, context)),
    select: (message, choices, defaultValue) => guard(inquirer.select({ message, choices, default: defaultValue, pageSize: 12 }, context)),
    checkbox: (message, choices) => guard(inquirer.checkbox({ message, choices, pageSize: 12 }, context)),
    confirm: (message, defaultValue) =>
      guard(inquirer.confirm({ message, default: defaultValue, transformer: (yes: boolean) => (yes ? words.yes : words.no) }, context)),
  };
}
