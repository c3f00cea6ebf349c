// --set key=value pairs, as scripts write them. "key=" clears a field. A field may also be named
// by the card's term (客户等级=A, 手机=…), and a full-width ＝ typed with a Chinese input method
// counts as =.
import type { FieldDef } from '../domain/card-fields.js';
import { UsageError } from '../errors.js';

/** The field's key for a name given as its key (dashes allowed) or, with `defs`, as its term. */
function fieldKey(name: string, defs: readonly FieldDef[]): string {
  const byTerm = defs.find((d) => d.zh === name || d.en.toLowerCase() === name.toLowerCase());
  return byTerm ? byTerm.key : name.replace(/-/g, '_');
}

export function parseAssignments(pairs: string[], defs: readonly FieldDef[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.search(/[=＝]/);
    if (eq <= 0) throw new UsageError('set.bad_pair', { pair });
    const key = fieldKey(pair.slice(0, eq).trim(), defs);
    if (key in out) throw new UsageError('set.twice', { key });
    out[key] = pair.slice(eq + 1);
  }
  return out;
}
