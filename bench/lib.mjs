// Shared by the benchmarks: deterministic random data that looks like a Chinese customer base,
// the app's own rules (bundled from src/), and timing helpers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'crm.js');
export const DATA_DIR = join(ROOT, 'bench', '.data');

export function envInt(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer >= ${min}, not ${JSON.stringify(raw)}`);
  return n;
}

export function fail(message) {
  process.stderr.write(`bench: FAILED: ${message}\n`);
  process.exit(1);
}

export function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

export function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

// ---- Deterministic random numbers ----------------------------------------------------------------

export function randomSource(seed) {
  let a = seed >>> 0;
  // mulberry32
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const digits = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(int(0, 9));
    return s;
  };
  // Prefixes libphonenumber accepts as mainland mobiles, so generated cards pass validation.
  const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '180', '181', '186', '187', '188', '189', '199'];
  return {
    rand,
    int,
    pick,
    chance,
    digits,
    personName: () => pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : ''),
    mobile: () => pick(MOBILE_PREFIXES) + digits(8),
  };
}

// ---- Word lists ----------------------------------------------------------------------------------

// City, its region (as staff regions are written) and its area code without the leading 0.
export const CITIES = [
  ['深圳', '华南', '755'], ['广州', '华南', '20'], ['东莞', '华南', '769'], ['佛山', '华南', '757'], ['厦门', '华南', '592'],
  ['上海', '华东', '21'], ['杭州', '华东', '571'], ['苏州', '华东', '512'], ['南京', '华东', '25'], ['宁波', '华东', '574'],
  ['合肥', '华东', '551'], ['北京', '华北', '10'], ['天津', '华北', '22'], ['青岛', '华北', '532'], ['郑州', '华北', '371'],
  ['成都', '西南', '28'], ['重庆', '西南', '23'], ['昆明', '西南', '871'], ['武汉', '华中', '27'], ['长沙', '华中', '731'],
];
export const REGIONS = ['华南', '华东', '华北', '西南', '华中'];
// 50 brands, drawn uniformly: about 2% of companies are 华强 (a few more match through contacts).
export const BRANDS = [
  '华强', '中兴', '海康', '美的', '格力', '金蝶', '比亚迪', '大华', '宏图', '长城',
  '联想', '海尔', '创维', '康佳', '天马', '华星', '正泰', '德力', '汇川', '迈瑞',
  '顺丰', '万科', '招商', '中联', '三一', '徐工', '恒瑞', '东方', '新华', '光明',
  '金龙', '永达', '华润', '宝钢', '鸿达', '金科', '天虹', '嘉华', '富士康', '星河',
  '同方', '浪潮', '神州', '用友', '太平洋', '南方', '银河', '先锋', '安达', '瑞丰',
];
// None starts with 强, so no name spells 华强 by accident (新华 + 强…).
export const QUALIFIERS = ['', '', '', '', '', '', '创新', '精密', '智能', '新能源', '恒通', '盛世', '数码', '实业', '环球', '国际', '通达', '联合', '伟业', '鑫源'];
export const INDUSTRIES = [
  '电子', '科技', '机械', '贸易', '物流', '化工', '电气', '材料', '光电', '医疗器械',
  '信息技术', '自动化设备', '五金', '塑胶', '包装', '食品', '纺织', '建材', '通信', '软件',
];
export const LEGAL_SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '单', '区', '解', '欧阳', '司马', '诸葛', '上官',
];
export const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '文', '辉', '玲', '鹏', '飞', '红', '宇', '波', '斌', '宁', '欣', '婷', '浩', '凯', '琳',
  '晨', '雪', '梅', '俊', '峰', '志', '海', '燕', '春', '博', '嘉', '思', '雨', '子', '晓', '国', '新', '立', '佳', '天',
  '长', '乐', '行', '重', '朝', '和', '恒', '安', '德', '昊',
];
export const TITLES = ['总经理', '采购经理', '采购主管', '技术总监', '财务经理', '副总经理', '工程师', '行政主管', '董事长', '销售经理'];
export const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'];

// ---- The app's rules -----------------------------------------------------------------------------

/** buildSearchText and companyNameKey from src/domain, bundled by esbuild (see seed-lib.ts). */
export async function loadAppRules() {
  const outfile = join(DATA_DIR, 'seed-lib.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(ROOT, 'bench', 'seed-lib.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  return import(outfile);
}

/** A romanised e-mail local part for a Chinese name. */
export const romanised = (name) => pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

// ---- Timing --------------------------------------------------------------------------------------

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
export const round1 = (x) => Math.round(x * 10) / 10;
export const round2 = (x) => Math.round(x * 100) / 100;

/**
 * Runs a command once: wall time in ms and, through GNU time where it is installed, peak RSS in
 * MB. Fails the benchmark when the command fails (unless `allowExit` lists its status).
 */
export function measure(label, command, args, { allowExit = [0], input, env } = {}) {
  const gnuTime = existsSync('/usr/bin/time');
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%M', command, ...args]] : [command, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], input, maxBuffer: 1 << 28, env: env ? { ...process.env, ...env } : process.env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) fail(`${label}: ${r.error.message}`);
  const stderr = r.stderr.toString('utf8').trim().split('\n');
  const kb = gnuTime ? Number(stderr.pop()) : NaN;
  if (!allowExit.includes(r.status)) fail(`${label} exited ${r.status ?? r.signal}: ${stderr.join(' ').slice(0, 500)}`);
  return { ms, rssMb: Number.isFinite(kb) && kb > 0 ? round1(kb / 1024) : null, stdout: r.stdout.toString('utf8') };
}
