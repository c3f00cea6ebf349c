// Commander's own parse errors (unknown command, bad choice …) in the user's language: commander
// writes them in English, so the common ones are recognised by code and their names picked out.
import type { Translate } from './translate.js';

/** Commander's error code → our message key, and the pattern of the English text it fills in. */
const KNOWN: Record<string, { key: string; pattern: RegExp; names: string[] }> = {
  'commander.unknownCommand': { key: 'usage.unknown_command', pattern: /unknown command '([^']*)'/, names: ['name'] },
  'commander.unknownOption': { key: 'usage.unknown_option', pattern: /unknown option '([^']*)'/, names: ['name'] },
  'commander.excessArguments': { key: 'usage.too_many_arguments', pattern: /Expected (\d+) arguments? but got (\d+)/, names: ['expected', 'got'] },
  'commander.missingArgument': { key: 'usage.missing_argument', pattern: /missing required argument '([^']*)'/, names: ['name'] },
  'commander.missingMandatoryOptionValue': { key: 'usage.missing_option', pattern: /required option '([^']*)' not specified/, names: ['option'] },
  'commander.optionMissingArgument': { key: 'usage.option_missing_argument', pattern: /option '([^']*)' argument missing/, names: ['option'] },
  'commander.invalidArgument': { key: 'usage.invalid_choice', pattern: /option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/m, names: ['option', 'value', 'choices'] },
};

/** The detail of a usage error: ours when we know the error, commander's English otherwise. */
export function usageDetail(code: string, message: string, t: Translate): string {
  const english = message.replace(/^error:\s*/, '');
  const known = KNOWN[code];
  const match = known?.pattern.exec(english);
  if (!known || !match) return english;
  const params = Object.fromEntries(known.names.map((n, i) => [n, match[i + 1]!]));
  // Commander's "(Did you mean …?)" suggestion stays as it is: it names a command or flag.
  const hint = /\(Did you mean ([^)]*)\?\)/.exec(english);
  return t(known.key as never, params) + (hint ? t('usage.did_you_mean' as never, { suggestion: hint[1]! }) : '');
}
