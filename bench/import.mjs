// Import benchmark: a seeded card CSV (Chinese company and person names, mobiles, e-mails,
// ~150 bytes a row, 5% duplicates) imported into an empty database, wall time and peak RSS, as a
// ratio to sqlite3's own `.import --csv` of the same file into a bare table in the same run.
// Targets: ≤ 5× sqlite3's time with validation and dedupe on; peak RSS ≤ 200 MB.
// Environment: BENCH_IMPORT_ROWS (default 1000000), BENCH_SEED. Needs the sqlite3 command
// (Debian package sqlite3) for the baseline.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { BIN, BRANDS, CITIES, DATA_DIR, emit, envInt, fail, INDUSTRIES, LEGAL_SUFFIXES, log, measure, QUALIFIERS, randomSource, round1, TITLES } from './lib.mjs';

const TARGET_RATIO = 5;
const TARGET_RSS_MB = 200;
const DUPLICATE_SHARE = 0.05;
const RECENT = 10_000;

/** Writes the card file; returns the number of distinct cards (rows less repeated ones). */
export async function writeCards(path, rows, seed) {
  const r = randomSource(seed);
  const out = createWriteStream(path);
  const recent = [];
  let distinct = 0;
  out.write('公司名称,姓名,职务,手机,电子邮箱,地址,备注\n');
  for (let i = 0; i < rows; i++) {
    let line;
    if (recent.length > 100 && r.chance(DUPLICATE_SHARE)) line = r.pick(recent);
    else {
      const [city] = r.pick(CITIES);
      const company = city + r.pick(BRANDS) + r.pick(QUALIFIERS) + r.pick(INDUSTRIES) + r.int(1, 99999) + r.pick(LEGAL_SUFFIXES);
      line = `${company},${r.personName()},${r.pick(TITLES)},${r.mobile()},card${i}@example.com.cn,${city}市高新区科技路${r.int(1, 999)}号,2026 展会\n`;
      distinct++;
      if (recent.length < RECENT) recent.push(line);
      else recent[r.int(0, RECENT - 1)] = line;
    }
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return distinct;
}

/**
 * The writes crm makes for each card — customer, contact, search text, two history rows, with
 * their indexes — done by sqlite3 alone in plain SQL over the imported file, in one transaction:
 * no validation, normalisation, dedupe or pinyin. What the schema costs, whatever the program.
 */
function schemaFloorSql(csv) {
  const at = "'2026-01-01T00:00:00+08:00'";
  return [
    'PRAGMA foreign_keys = ON;',
    'BEGIN IMMEDIATE;',
    `.import --csv ${csv} stage`,
    'INSERT INTO customers (id, name, name_key, status, source, owner_id, created_at, updated_at)',
    `  SELECT rowid, 公司名称, 公司名称, 'potential', 'trade-show', 1, ${at}, ${at} FROM stage;`,
    'INSERT INTO contacts (id, customer_id, name, title, mobile, email, notes, created_at, updated_at)',
    `  SELECT rowid, rowid, 姓名, 职务, 手机, 电子邮箱, 备注, ${at}, ${at} FROM stage;`,
    "INSERT INTO customer_search (customer_id, text) SELECT rowid, 公司名称 || ' ' || 姓名 || ' ' || 手机 || ' ' || 电子邮箱 FROM stage;",
    'INSERT INTO history (at, staff_id, os_login, command, entity, entity_id, customer_id, field, new_value)',
    `  SELECT ${at}, 1, 'bench', 'import #1', 'customer', rowid, rowid, '*', json_object('name', 公司名称, 'address', 地址, 'status', 'potential') FROM stage;`,
    'INSERT INTO history (at, staff_id, os_login, command, entity, entity_id, customer_id, field, new_value)',
    `  SELECT ${at}, 1, 'bench', 'import #1', 'contact', rowid, rowid, '*', json_object('name', 姓名, 'title', 职务, 'mobile', 手机, 'email', 电子邮箱) FROM stage;`,
    'DROP TABLE stage;',
    'COMMIT;',
  ].join('\n');
}

/**
 * The least any program could write and still do the job: bare customer and contact
 * tables (no history, search text or other columns) with only the indexes the duplicate checks
 * need (company name, mobile, e-mail), the CSV copied straight in by sqlite3 with a 150 MB page
 * cache — no parsing, validation or normalisation in any language. If this alone is over the
 * target ratio, the target cannot be met by any import that files cards.
 */
function minimalFloorSql(csv) {
  const at = "'2026-01-01T00:00:00+08:00'";
  return [
    'PRAGMA journal_mode = WAL;',
    'PRAGMA cache_size = -150000;',
    'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL, status TEXT NOT NULL, source TEXT, created_at TEXT NOT NULL);',
    'CREATE INDEX customers_name_key ON customers(name_key);',
    'CREATE TABLE contacts (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, name TEXT NOT NULL, title TEXT, mobile TEXT, email TEXT, created_at TEXT NOT NULL);',
    'CREATE INDEX contacts_customer ON contacts(customer_id);',
    'CREATE INDEX contacts_mobile ON contacts(mobile);',
    'CREATE INDEX contacts_email ON contacts(email);',
    'BEGIN IMMEDIATE;',
    `.import --csv ${csv} stage`,
    `INSERT INTO customers (id, name, name_key, status, source, created_at) SELECT rowid, 公司名称, 公司名称, 'potential', 'trade-show', ${at} FROM stage;`,
    `INSERT INTO contacts (id, customer_id, name, title, mobile, email, created_at) SELECT rowid, rowid, 姓名, 职务, 手机, 电子邮箱, ${at} FROM stage;`,
    'DROP TABLE stage;',
    'COMMIT;',
    'SELECT count(*) FROM contacts;',
  ].join('\n');
}

/** Runs sqlite3 with the script on a fresh database file, and removes it afterwards. */
function sqlite3Run(label, db, script, prepare) {
  const remove = () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(db + suffix, { force: true }));
  remove();
  prepare?.();
  const run = measure(label, 'sqlite3', [db], { input: script });
  remove();
  return run;
}

function hasSqlite3() {
  return spawnSync('sqlite3', ['-version'], { stdio: 'ignore' }).status === 0;
}

export async function importBench() {
  const rows = envInt('BENCH_IMPORT_ROWS', 1_000_000, 1);
  mkdirSync(DATA_DIR, { recursive: true });
  const csv = join(DATA_DIR, 'cards.csv');
  log(`writing ${rows} cards to ${csv}`);
  const distinct = await writeCards(csv, rows, envInt('BENCH_SEED', 20240601, 0));
  const fileMb = round1(statSync(csv).size / 2 ** 20);

  let baseline = null;
  let floor = null;
  let minimal = null;
  if (hasSqlite3()) {
    log('sqlite3 .import --csv (baseline)');
    baseline = sqlite3Run('sqlite3 .import', join(DATA_DIR, 'sqlite3-import.db'), `.import --csv ${csv} cards`);
    log('sqlite3 writing bare customers and contacts with the duplicate-check indexes only (minimal floor)');
    minimal = sqlite3Run('sqlite3 minimal floor', join(DATA_DIR, 'minimal-floor.db'), minimalFloorSql(csv));
    if (Number(minimal.stdout.trim().split('\n').pop()) !== rows) fail(`minimal floor wrote ${minimal.stdout.trim()} contacts, not ${rows}`);
    const floorDb = join(DATA_DIR, 'schema-floor.db');
    log("sqlite3 writing the same rows into crm's own tables and indexes (schema floor)");
    floor = sqlite3Run('sqlite3 schema floor', floorDb, schemaFloorSql(csv), () => measure('crm init', process.execPath, [BIN, '--db', floorDb, 'init']));
  } else log('sqlite3 is not installed (apt-get install sqlite3): no baseline this run');

  const db = join(DATA_DIR, 'import.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  measure('crm init', process.execPath, [BIN, '--db', db, 'init']);
  log('crm import (validation, dedupe, history, search index, one transaction)');
  const run = measure('crm import', process.execPath, [BIN, '--db', db, 'import', csv, '--json']);
  const summary = JSON.parse(run.stdout);
  if (summary.rows_read !== rows || summary.rejected !== 0) fail(`crm import read ${summary.rows_read} rows, rejected ${summary.rejected}`);
  // Every card is a new contact or a duplicate (repeated rows, and the odd random mobile drawn twice).
  if (summary.contacts_created + summary.skipped !== rows) fail(`crm import: ${summary.contacts_created} contacts + ${summary.skipped} duplicates ≠ ${rows} rows`);
  const ratio = baseline ? run.ms / baseline.ms : null;
  emit({
    bench: 'import_csv',
    rows,
    file_mb: fileMb,
    distinct_cards: distinct,
    seconds: round1(run.ms / 1000),
    sqlite3_import_seconds: baseline ? round1(baseline.ms / 1000) : null,
    ratio: ratio === null ? null : round1(ratio),
    sqlite3_minimal_floor_seconds: minimal ? round1(minimal.ms / 1000) : null,
    minimal_floor_ratio: minimal ? round1(minimal.ms / baseline.ms) : null,
    sqlite3_schema_floor_seconds: floor ? round1(floor.ms / 1000) : null,
    floor_ratio: floor ? round1(floor.ms / baseline.ms) : null,
    ratio_to_floor: floor ? round1(run.ms / floor.ms) : null,
    target_ratio: TARGET_RATIO,
    ok_time: ratio === null ? null : ratio <= TARGET_RATIO,
    peak_rss_mb: run.rssMb,
    target_rss_mb: TARGET_RSS_MB,
    ok_rss: run.rssMb === null ? null : run.rssMb <= TARGET_RSS_MB,
    customers_created: summary.customers_created,
    skipped_duplicates: summary.skipped,
  });
  rmSync(csv, { force: true });
}
