// --set key=value pairs, as scripts write them. "key=" clears a field.
import { UsageError } from '../errors.js';

export function parseAssignments(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError('set.bad_pair', { pair });
    const key = pair.slice(0, eq).trim().replace(/-/g, '_');
    if (key in out) throw new UsageError('set.twice', { key });
    out[key] = pair.slice(eq + 1);
  }
  return out;
}
