// The app's own rules the benchmark seeds with, so seeded rows are exactly what crm would store.
// bench/run.mjs bundles this file with esbuild before seeding.
export { buildSearchText } from '../src/domain/search-text.js';
export { companyNameKey } from '../src/domain/company-name.js';
