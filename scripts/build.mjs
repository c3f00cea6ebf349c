// Bundles src/ into dist/ with esbuild. Bundling matters for start-up time (issue 2's benchmark):
// one file parses much faster than hundreds of node_modules files. Each command is a separate chunk
// loaded on demand, so `crm show` never parses the prompt or pinyin libraries.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = await build({
  // The monthly report's helper thread is an entry of its own (io/report-helper.ts).
  entryPoints: ['src/main.ts', 'src/report-worker.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addon: must be loaded from node_modules at run time.
  external: ['better-sqlite3'],
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __crmCreateRequire } from 'node:module'; const require = __crmCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
});
// Which modules each command's chunks pull in: test/e2e/startup-weight.test.ts reads it.
writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
