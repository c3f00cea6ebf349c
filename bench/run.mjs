// Start-up benchmark (`npm run bench`): seeds a database of 100,000 customers / 200,000 contacts
// and measures the median wall time of `crm show ID --json` and `crm list --search 华强 --json`,
// each against the median of a bare `node -e ''` measured in the same run (interleaved).
// Targets: show adds at most 50 ms to a bare node start, list --search at most 150 ms.
//
// stdout: one JSON line per figure (seed, show_json, list_search_json). stderr: progress.
// Environment: BENCH_CUSTOMERS (default 100000; 2 contacts each), BENCH_RUNS (default 15),
// BENCH_WARMUP (default 2), BENCH_SEED (PRNG seed, default 20240601), BENCH_STRICT=1 exits 1
// when a target is missed. The database stays in bench/.data/bench.db until the next run.
// Needs the built binary (dist/); `npm run bench` builds it first.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'crm.js');
const DATA_DIR = join(ROOT, 'bench', '.data');
const DB_PATH = join(DATA_DIR, 'bench.db');

function envInt(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer >= ${min}, not ${JSON.stringify(raw)}`);
  return n;
}

function fail(message) {
  process.stderr.write(`bench: FAILED: ${message}\n`);
  process.exit(1);
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

const CUSTOMERS = envInt('BENCH_CUSTOMERS', 100_000, 1);
const CONTACTS_PER_CUSTOMER = 2;
const STAFF = 20;
const RUNS = envInt('BENCH_RUNS', 15, 1);
const WARMUP = envInt('BENCH_WARMUP', 2, 0);
const SEED = envInt('BENCH_SEED', 20240601, 0);
const SEARCH = '华强';
const TARGET_SHOW_MS = 50;
const TARGET_LIST_MS = 150;

// ---- Deterministic random numbers ----------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(int(0, 9));
  return s;
};

// ---- Word lists ----------------------------------------------------------------------------------

// City, its region (as staff regions are written) and its area code without the leading 0.
const CITIES = [
  ['深圳', '华南', '755'], ['广州', '华南', '20'], ['东莞', '华南', '769'], ['佛山', '华南', '757'], ['厦门', '华南', '592'],
  ['上海', '华东', '21'], ['杭州', '华东', '571'], ['苏州', '华东', '512'], ['南京', '华东', '25'], ['宁波', '华东', '574'],
  ['合肥', '华东', '551'], ['北京', '华北', '10'], ['天津', '华北', '22'], ['青岛', '华北', '532'], ['郑州', '华北', '371'],
  ['成都', '西南', '28'], ['重庆', '西南', '23'], ['昆明', '西南', '871'], ['武汉', '华中', '27'], ['长沙', '华中', '731'],
];
const REGIONS = ['华南', '华东', '华北', '西南', '华中'];
// 50 brands, drawn uniformly: about 2% of companies are 华强 (a few more match through contacts).
const BRANDS = [
  '华强', '中兴', '海康', '美的', '格力', '金蝶', '比亚迪', '大华', '宏图', '长城',
  '联想', '海尔', '创维', '康佳', '天马', '华星', '正泰', '德力', '汇川', '迈瑞',
  '顺丰', '万科', '招商', '中联', '三一', '徐工', '恒瑞', '东方', '新华', '光明',
  '金龙', '永达', '华润', '宝钢', '鸿达', '金科', '天虹', '嘉华', '富士康', '星河',
  '同方', '浪潮', '神州', '用友', '太平洋', '南方', '银河', '先锋', '安达', '瑞丰',
];
// None starts with 强, so no name spells 华强 by accident (新华 + 强…).
const QUALIFIERS = ['', '', '', '', '', '', '创新', '精密', '智能', '新能源', '恒通', '盛世', '数码', '实业', '环球', '国际', '通达', '联合', '伟业', '鑫源'];
const INDUSTRIES = [
  '电子', '科技', '机械', '贸易', '物流', '化工', '电气', '材料', '光电', '医疗器械',
  '信息技术', '自动化设备', '五金', '塑胶', '包装', '食品', '纺织', '建材', '通信', '软件',
];
const LEGAL_SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '单', '区', '解', '欧阳', '司马', '诸葛', '上官',
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '文', '辉', '玲', '鹏', '飞', '红', '宇', '波', '斌', '宁', '欣', '婷', '浩', '凯', '琳',
  '晨', '雪', '梅', '俊', '峰', '志', '海', '燕', '春', '博', '嘉', '思', '雨', '子', '晓', '国', '新', '立', '佳', '天',
  '长', '乐', '行', '重', '朝', '和', '恒', '安', '德', '昊',
];
const TITLES = ['总经理', '采购经理', '采购主管', '技术总监', '财务经理', '副总经理', '工程师', '行政主管', '董事长', '销售经理'];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'];
const SOURCES = ['visit', 'survey', 'media', 'trade-show', 'salon', 'conference', 'referral', 'other'];
const STATUSES = ['potential', 'potential', 'followed', 'followed', 'cooperating', 'churned'];
const GRADES = ['A', 'B', 'B', 'C', 'C', null];

// ---- The app's rules -----------------------------------------------------------------------------

/** buildSearchText and companyNameKey from src/domain, bundled by esbuild (see seed-lib.ts). */
async function loadAppRules() {
  const outfile = join(DATA_DIR, 'seed-lib.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'bench', 'seed-lib.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  return import(outfile);
}

/** A romanised e-mail local part for a Chinese name. */
const romanised = (name) => pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

// ---- Seeding -------------------------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');
const EPOCH_FROM = Date.UTC(2019, 0, 1);
const EPOCH_TO = Date.UTC(2025, 5, 30);
/** A local timestamp with a +08:00 offset, as localTimestamp (src/domain/date.ts) writes them. */
function timestamp(ms) {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

function personName() {
  return pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : '');
}
const mobile = () => '1' + int(3, 9) + digits(9);

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

// ---- Timing --------------------------------------------------------------------------------------

function timed(label, args, validate) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) fail(`${label}: ${r.error.message}`);
  if (r.status !== 0) fail(`${label} exited ${r.status ?? r.signal}: ${r.stderr.toString().trim()}`);
  validate?.(r.stdout.toString('utf8'));
  return ms;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round1 = (x) => Math.round(x * 10) / 10;

/** Peak resident set size in MB of one run, via GNU time; null where that is not available. */
function peakRssMb(args) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) return null;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) && kb > 0 ? round1(kb / 1024) : null;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) fail('dist/main.js is missing: run `npm run build` (or `npm run bench`) first');

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
      const ms = timed(c.label, c.args, c.validate);
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
  const rssNode = peakRssMb(cases[0].args);
  figure('show_json', 'show', TARGET_SHOW_MS, { id: showId, peak_rss_mb: peakRssMb(cases[1].args), baseline_node_rss_mb: rssNode });
  figure('list_search_json', 'list', TARGET_LIST_MS, {
    search: SEARCH,
    rows: listRows,
    peak_rss_mb: peakRssMb(cases[2].args),
    baseline_node_rss_mb: rssNode,
  });

  log(`database kept at ${DB_PATH} (replaced by the next run)`);
  log(allOk ? 'all targets met' : 'TARGET MISSED (see "ok":false above)');
  if (!allOk && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}

await main();
