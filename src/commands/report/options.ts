// The options the single reports share: dates (as people write them, checked before anything is
// opened) and the --by key, each refused with exit 2 and the accepted forms.
import { parseDate } from '../../domain/date.js';
import { UsageError } from '../../errors.js';

/** The date given with the flag, or the fallback when it is absent. */
export function dateOption(flag: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const date = parseDate(value);
  if (date === null) throw new UsageError('report.bad_date', { flag, value });
  return date;
}

/** The --by key, one of `allowed`; the first is the default. */
export function byOption<K extends string>(value: string | undefined, allowed: readonly K[]): K {
  if (value === undefined) return allowed[0]!;
  const key = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(key)) throw new UsageError('report.bad_by', { value, allowed: allowed.join(', ') });
  return key as K;
}
