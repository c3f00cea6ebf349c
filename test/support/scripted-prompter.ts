// A prompter that answers from a script, the way a person would type: each `input` answer is
// checked by the field's validator, and a rejected answer is recorded (as the message the
// person would see) and the next answer is taken, as if they retyped.
import type { Choice, Prompter } from '../../src/io/prompter.js';
import { CancelledError } from '../../src/errors.js';

/** Stands for pressing Ctrl-C at that question. */
export const CTRL_C = Symbol('ctrl-c');
export type Answer = string | boolean | string[] | typeof CTRL_C;

export interface Scripted extends Prompter {
  /** Every question asked, in order. */
  asked: string[];
  /** Validation messages shown for rejected answers. */
  rejected: string[];
  /** Answers not consumed (a test should end with none). */
  remaining(): number;
}

export function scriptedPrompter(answers: Answer[]): Scripted {
  const queue = [...answers];
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = (message: string): Answer => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer for: ${message}`);
    const a = queue.shift()!;
    if (a === CTRL_C) throw new CancelledError('walk.cancelled');
    return a;
  };
  const choose = <T extends string>(message: string, choices: Choice<T>[], a: Answer): T => {
    if (typeof a !== 'string' || !choices.some((c) => c.value === a)) throw new Error(`"${String(a)}" is not a choice for: ${message}`);
    return a as T;
  };
  return {
    asked,
    rejected,
    remaining: () => queue.length,
    async input(message, o = {}) {
      for (;;) {
        const a = next(message);
        if (typeof a !== 'string') throw new Error(`expected text for: ${message}`);
        const typed = a === '' && o.default !== undefined ? o.default : a;
        const verdict = o.validate ? o.validate(typed) : true;
        if (verdict === true) return typed;
        rejected.push(verdict);
      }
    },
    async select(message, choices, defaultValue) {
      const a = next(message);
      return a === '' && defaultValue !== undefined ? defaultValue : choose(message, choices, a);
    },
    async checkbox(message, choices) {
      const a = next(message);
      if (!Array.isArray(a)) throw new Error(`expected a list for: ${message}`);
      return a.map((x) => choose(message, choices, x));
    },
    async confirm(message, defaultValue) {
      const a = next(message);
      if (a === '') return defaultValue ?? false;
      if (typeof a !== 'boolean') throw new Error(`expected yes/no for: ${message}`);
      return a;
    },
  };
}
