// Reading commands start fast because they never load the heavy libraries: the pinyin dictionary
// (built into the search text on writes only), libphonenumber's metadata (validation on writes
// only) and the prompt library (walks only). Read from esbuild's metafile of the built bundle.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

interface Meta {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}

const meta = JSON.parse(readFileSync(new URL('../../dist/meta.json', import.meta.url), 'utf8')) as Meta;

/** Every input module loaded when a command's chunk is, following static imports only. */
function loadedBy(entryPoint: string): string[] {
  const start = Object.keys(meta.outputs).find((k) => meta.outputs[k]!.entryPoint === entryPoint);
  if (!start) throw new Error(`no chunk for ${entryPoint}`);
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === 'import-statement' && meta.outputs[i.path]) visit(i.path);
  };
  visit(start);
  visit('dist/main.js');
  return [...seen].flatMap((out) => Object.keys(meta.outputs[out]!.inputs));
}

const HEAVY = /node_modules\/(pinyin-pro|libphonenumber-js|@inquirer|cli-table3)\//;

test.each(['src/commands/show.ts', 'src/commands/list.ts', 'src/commands/history.ts', 'src/commands/timeline.ts'])('%s loads none of the heavy libraries', (entry) => {
  const heavy = loadedBy(entry).filter((m) => HEAVY.test(m));
  expect(heavy).toEqual([]);
});

test('the check can fail: writing commands do load them', () => {
  expect(loadedBy('src/commands/add.ts').some((m) => /pinyin-pro/.test(m))).toBe(true);
});
