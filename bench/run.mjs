// `npm run bench`: every benchmark, one JSON line per figure on stdout, progress on stderr.
// BENCH_ONLY=startup|import|trade|visits|report|torture runs one of them. BENCH_STRICT=1 exits 1 when a target is missed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ROOT } from './lib.mjs';
import { importBench } from './import.mjs';
import { startupBench } from './startup.mjs';
import { tradeBench } from './trade.mjs';
import { visitsBench } from './visits.mjs';
import { reportBench } from './report.mjs';
import { tortureBench } from './torture.mjs';

if (!existsSync(join(ROOT, 'dist', 'main.js'))) fail('dist/main.js is missing: run `npm run build` (or `npm run bench`) first');
const only = process.env.BENCH_ONLY;
if (!only || only === 'startup') await startupBench();
if (!only || only === 'import') await importBench();
if (!only || only === 'trade') await tradeBench();
if (!only || only === 'visits') await visitsBench();
if (!only || only === 'report') await reportBench();
if (!only || only === 'torture') await tortureBench();
