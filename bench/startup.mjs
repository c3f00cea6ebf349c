// Start-up benchmark: seeds a database of 100,000 customers / 200,000 contacts and measures the
// median wall time of `crm show ID --json` and `crm list --search 华强 --json`, each against the
// median of a bare `node -e ''` measured in the same run (interleaved).
// Targets: show adds at most 50 ms to a bare node start, list --search at most 150 ms.
// Environment: BENCH_CUSTOMERS (default 100000; 2 contacts each), BENCH_RUNS (default 15),
// BENCH_WARMUP (default 2), BENCH_SEED. The database stays in bench/.data/bench.db.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  BIN, BRANDS, CITIES, DATA_DIR, emit, envInt, fail, INDUSTRIES, LEGAL_SUFFIXES, loadAppRules, log, MAIL_DOMAINS, measure, median,
  QUALIFIERS, randomSource, REGIONS, romanised, round1, TITLES,
} from './lib.mjs';

const DB_PATH = join(DATA_DIR, 'bench.db');
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 100_000, 1);
const CONTACTS_PER_CUSTOMER = 2;
const STAFF = 20;
const RUNS = envInt('BENCH_RUNS', 15, 1);
const WARMUP = envInt('BENCH_WARMUP', 2, 0);
const SEARCH = '华强';
const TARGET_SHOW_MS = 50;
const TARGET_LIST_MS = 150;
const SOURCES = ['visit', 'survey', 'media', 'trade-show', 'salon', 'conference', 'referral', 'other'];
const STATUSES = ['potential', 'potential', 'followed', 'followed', 'cooperating', 'churned'];
const GRADES = ['A', 'B', 'B', 'C', 'C', null];
const { rand, int, pick, chance, digits, personName, mobile } = randomSource(envInt('BENCH_SEED', 20240601, 0));

// ---- Seeding -------------------------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');
const EPOCH_FROM = Date.UTC(2019, 0, 1);
const EPOCH_TO = Date.UTC(2025, 5, 30);
/** A local timestamp with a +08:00 offset, as localTimestamp (src/domain/date.ts) writes them. */
function timestamp(ms) {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}


function removeDatabase() {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(DB_PATH + suffix, { force: true });
}

function crm(args) {
  return spawnSync(process.execPath, [BIN, '--db', DB_PATH, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

function seed({ buildSearchText, companyNameKey }) {
  const started = process.hrtime.bigint();
  mkdirSync(DATA_DIR, { recursive: true });
  removeDatabase();
  const init = crm(['init', '--json']);
  if (init.status !== 0) fail(`crm init exited ${init.status}: ${init.stderr}`);

  const db = new Database(DB_PATH, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  const insertStaff = db.prepare(
    `INSERT INTO staff (login, name, role, region, phone, email, active, created_at)
     VALUES (?, ?, 'rep', ?, ?, ?, 1, ?)`,
  );
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, name, name_key, phone, fax, email, region, industry, source, status, grade, owner_id, created_at, updated_at)
     VALUES (@id, @name, @name_key, @phone, @fax, @email, @region, @industry, @source, @status, @grade, @owner_id, @created_at, @updated_at)`,
  );
  const insertContact = db.prepare(
    `INSERT INTO contacts (customer_id, name, title, mobile, email, decision_maker, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearch = db.prepare('INSERT INTO customer_search (customer_id, text) VALUES (?, ?)');

  let contactCount = 0;
  let staffCount = 0;
  db.transaction(() => {
    const repsByRegion = new Map(REGIONS.map((r) => [r, []]));
    const staffCreated = timestamp(EPOCH_FROM - 86400_000 * 30);
    for (let i = 1; i <= STAFF; i++) {
      const region = REGIONS[(i - 1) % REGIONS.length];
      const login = `rep${pad(i)}`;
      const id = Number(insertStaff.run(login, personName(), region, mobile(), `${login}@example.com`, staffCreated).lastInsertRowid);
      repsByRegion.get(region).push(id);
      staffCount++;
    }
    for (let id = 1; id <= CUSTOMERS; id++) {
      const [city, region, areaCode] = pick(CITIES);
      const brand = pick(BRANDS);
      const industry = pick(INDUSTRIES);
      const name = city + brand + pick(QUALIFIERS) + industry + pick(LEGAL_SUFFIXES);
      const created = EPOCH_FROM + Math.floor(rand() * (EPOCH_TO - EPOCH_FROM));
      const updated = chance(0.5) ? created : created + Math.floor(rand() * (EPOCH_TO - created));
      const phone = `+86${areaCode}${int(2, 8)}${digits(7)}`;
      const fax = chance(0.3) ? `+86${areaCode}${int(2, 8)}${digits(7)}` : null;
      const email = chance(0.4) ? `sales${id}@${romanised(brand)}${int(1, 99)}.com.cn` : null;
      const customer = {
        id,
        name,
        name_key: companyNameKey(name),
        phone,
        fax,
        email,
        region,
        industry,
        source: pick(SOURCES),
        status: pick(STATUSES),
        grade: pick(GRADES),
        owner_id: pick(repsByRegion.get(region)),
        created_at: timestamp(created),
        updated_at: timestamp(updated),
      };
      insertCustomer.run(customer);
      const contacts = [];
      for (let k = 0; k < CONTACTS_PER_CUSTOMER; k++) {
        const person = personName();
        const mail = `${romanised(person)}${chance(0.5) ? int(1, 999) : ''}@${pick(MAIL_DOMAINS)}`;
        const contact = { name: person, mobile: mobile(), phone: null, email: mail };
        insertContact.run(id, person, pick(TITLES), contact.mobile, mail, k === 0 && chance(0.4) ? 1 : 0, customer.created_at, customer.created_at);
        contacts.push(contact);
        contactCount++;
      }
      insertSearch.run(
        id,
        buildSearchText({
          name,
          contactNames: contacts.map((k) => k.name),
          phones: [phone, fax, ...contacts.flatMap((k) => [k.mobile, k.phone])],
          emails: [email, ...contacts.map((k) => k.email)],
        }),
      );
      if (id % 20000 === 0) log(`seeded ${id} customers`);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, staff: staffCount + 1, contacts: contactCount };
}

export async function startupBench() {

  log(`seeding ${CUSTOMERS} customers, ${CUSTOMERS * CONTACTS_PER_CUSTOMER} contacts into ${DB_PATH}`);
  const seeded = seed(await loadAppRules());
  const rows = seeded.staff + CUSTOMERS + seeded.contacts + CUSTOMERS;
  emit({
    bench: 'seed',
    customers: CUSTOMERS,
    contacts: seeded.contacts,
    staff: seeded.staff,
    rows,
    seconds: round1(seeded.seconds),
    db_mb: round1(statSync(DB_PATH).size / 2 ** 20),
  });

  const db = new Database(DB_PATH, { readonly: true });
  const expectedMatches = db.prepare('SELECT count(*) AS n FROM customer_search WHERE text LIKE ?').get(`%${SEARCH}%`).n;
  db.close();

  const showNumber = Math.max(1, Math.round(CUSTOMERS / 2));
  const showId = 'C' + String(showNumber).padStart(6, '0');
  let listRows = -1;
  const cases = [
    { key: 'node', label: "node -e ''", args: ['-e', ''] },
    {
      key: 'show',
      label: `crm show ${showId} --json`,
      args: [BIN, '--db', DB_PATH, 'show', showId, '--json'],
      validate: (out) => {
        const card = JSON.parse(out);
        if (card?.id !== showId) fail(`crm show ${showId} --json printed the card of ${card?.id}`);
      },
    },
    {
      key: 'list',
      label: `crm list --search ${SEARCH} --json`,
      args: [BIN, '--db', DB_PATH, 'list', '--search', SEARCH, '--json'],
      validate: (out) => {
        const list = JSON.parse(out);
        if (!Array.isArray(list) || list.length === 0) fail(`crm list --search ${SEARCH} --json returned no rows`);
        listRows = list.length;
      },
    },
  ];
  const times = { node: [], show: [], list: [] };
  log(`timing ${cases.map((c) => c.label).join(', ')}: ${WARMUP} warm-up + ${RUNS} runs each, interleaved`);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    // Rotate the order each round so no command always runs right after another.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(round + i) % cases.length];
      const { ms, stdout } = measure(c.label, process.execPath, c.args);
      c.validate?.(stdout);
      if (round >= WARMUP) times[c.key].push(ms);
    }
  }
  if (listRows !== expectedMatches) log(`warning: list returned ${listRows} rows, customer_search has ${expectedMatches} matches`);

  const baseline = median(times.node);
  let allOk = true;
  const figure = (bench, key, target, extra) => {
    const med = median(times[key]);
    const added = med - baseline;
    const ok = added <= target;
    allOk &&= ok;
    emit({
      bench,
      median_ms: round1(med),
      baseline_node_ms: round1(baseline),
      added_ms: round1(added),
      target_added_ms: target,
      ok,
      runs: times[key].length,
      min_ms: round1(Math.min(...times[key])),
      max_ms: round1(Math.max(...times[key])),
      ...extra,
    });
  };
  log('measuring peak RSS');
  const rss = (c) => measure(c.label, process.execPath, c.args).rssMb;
  const rssNode = rss(cases[0]);
  figure('show_json', 'show', TARGET_SHOW_MS, { id: showId, peak_rss_mb: rss(cases[1]), baseline_node_rss_mb: rssNode });
  figure('list_search_json', 'list', TARGET_LIST_MS, {
    search: SEARCH,
    rows: listRows,
    peak_rss_mb: rss(cases[2]),
    baseline_node_rss_mb: rssNode,
  });

  log(`database kept at ${DB_PATH} (replaced by the next run)`);
  log(allOk ? 'all targets met' : 'TARGET MISSED (see "ok":false above)');
  if (!allOk && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}

