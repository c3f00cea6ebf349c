import { describe, expect, test } from 'vitest';
import {
  GRADES,
  matchOption,
  optionLabel,
  OWNERSHIP_TYPES,
  ROLES,
  SOURCES,
  STATUSES,
  type EnumOption,
} from '../../src/domain/enums.js';

const LISTS: Record<string, readonly EnumOption[]> = { STATUSES, GRADES, SOURCES, OWNERSHIP_TYPES, ROLES };

describe('matchOption', () => {
  test.each([
    // code
    ['STATUSES', 'potential', 'potential'],
    ['STATUSES', 'churned', 'churned'],
    ['SOURCES', 'trade-show', 'trade-show'],
    ['ROLES', 'region-manager', 'region-manager'],
    // Chinese term
    ['STATUSES', '潜在客户', 'potential'],
    ['STATUSES', '已跟进未合作', 'followed'],
    ['STATUSES', '已合作', 'cooperating'],
    ['GRADES', 'A类客户', 'A'],
    ['SOURCES', '展会/名片', 'trade-show'],
    ['OWNERSHIP_TYPES', '国有企业', 'state-owned'],
    ['ROLES', '区域经理', 'region-manager'],
    ['ROLES', '信息/资料管理员', 'clerk'],
    // English label
    ['STATUSES', 'followed up', 'followed'],
    ['STATUSES', 'cooperating (signed)', 'cooperating'],
    ['SOURCES', 'referral by a customer', 'referral'],
    ['OWNERSHIP_TYPES', 'foreign-owned', 'foreign'],
    ['ROLES', 'general manager', 'gm'],
    // aliases
    ['STATUSES', '潜在', 'potential'],
    ['STATUSES', '签约', 'cooperating'],
    ['STATUSES', 'signed', 'cooperating'],
    ['STATUSES', '流失', 'churned'],
    ['SOURCES', '名片', 'trade-show'],
    ['SOURCES', 'tradeshow', 'trade-show'],
    ['SOURCES', '其它', 'other'],
    ['OWNERSHIP_TYPES', '民营', 'private'],
    ['OWNERSHIP_TYPES', '国企', 'state-owned'],
    ['OWNERSHIP_TYPES', '中外合资', 'joint-venture'],
    // case, width, spaces and underscores
    ['STATUSES', 'POTENTIAL', 'potential'],
    ['STATUSES', 'Potential', 'potential'],
    ['STATUSES', 'ｐｏｔｅｎｔｉａｌ', 'potential'],
    ['STATUSES', '  潜在客户  ', 'potential'],
    ['STATUSES', 'Followed Up', 'followed'],
    ['STATUSES', 'followed_up', 'followed'],
    ['STATUSES', 'followed-up', 'followed'],
    ['STATUSES', 'SIGNED', 'cooperating'],
    ['GRADES', 'a', 'A'],
    ['GRADES', 'Ｂ', 'B'],
    ['GRADES', 'ｃ类客户', 'C'],
    ['SOURCES', 'trade show', 'trade-show'],
    ['SOURCES', 'TRADE_SHOW', 'trade-show'],
    ['ROLES', 'region manager', 'region-manager'],
    ['ROLES', 'GM', 'gm'],
  ])('%s: %j → %s', (list, input, value) => {
    expect(matchOption(LISTS[list]!, input)?.value).toBe(value);
  });

  test.each([
    ['STATUSES', 'vip'],
    ['STATUSES', ''],
    ['STATUSES', '   '],
    ['STATUSES', 'potentia'],
    ['STATUSES', '潜'],
    ['GRADES', 'D'],
    ['GRADES', 'AA'],
    ['SOURCES', 'trade'],
    ['ROLES', 'boss'],
    // A term from another list is not accepted.
    ['STATUSES', 'A'],
    ['GRADES', 'potential'],
  ])('%s: %j → null', (list, input) => {
    expect(matchOption(LISTS[list]!, input)).toBeNull();
  });

  test('returns the option itself, with its terms', () => {
    expect(matchOption(STATUSES, '签约')).toEqual({
      value: 'cooperating',
      zh: '已合作',
      en: 'cooperating (signed)',
      aliases: ['签约', '已签约', '合作', 'signed'],
    });
  });

  test.each(Object.entries(LISTS))('%s: every code, term and alias finds its own option', (_name, list) => {
    for (const o of list) {
      for (const word of [o.value, o.zh, o.en, ...(o.aliases ?? [])]) {
        expect(matchOption(list, word)?.value, word).toBe(o.value);
      }
    }
  });
});

describe('optionLabel', () => {
  test.each([
    ['STATUSES', 'potential', 'zh', '潜在客户'],
    ['STATUSES', 'potential', 'en', 'potential'],
    ['STATUSES', 'followed', 'zh', '已跟进未合作'],
    ['STATUSES', 'followed', 'en', 'followed up'],
    ['GRADES', 'A', 'zh', 'A类客户'],
    ['SOURCES', 'trade-show', 'en', 'trade show / business card'],
    ['OWNERSHIP_TYPES', 'private', 'zh', '私营企业'],
    ['ROLES', 'gm', 'zh', '总经理'],
    ['ROLES', 'clerk', 'en', 'records clerk'],
  ] as const)('%s %s in %s → %s', (list, value, lang, label) => {
    expect(optionLabel(LISTS[list]!, value, lang)).toBe(label);
  });

  test('no value → empty string', () => {
    expect(optionLabel(STATUSES, null, 'zh')).toBe('');
    expect(optionLabel(STATUSES, null, 'en')).toBe('');
  });

  test('an unknown stored value is shown as stored', () => {
    expect(optionLabel(STATUSES, 'legacy-status', 'zh')).toBe('legacy-status');
  });

  test('labels are matched by code, not by term', () => {
    expect(optionLabel(STATUSES, '潜在客户', 'en')).toBe('潜在客户');
  });
});

describe('the lists', () => {
  test.each(Object.entries(LISTS))('%s: no word names two options', (_name, list) => {
    const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_]/g, '-');
    const owner = new Map<string, string>();
    for (const o of list) {
      for (const word of new Set([o.value, o.zh, o.en, ...(o.aliases ?? [])].map(fold))) {
        expect(owner.get(word) ?? o.value, word).toBe(o.value);
        owner.set(word, o.value);
      }
    }
  });

  test('roles are the ones of POLICY §6', () => {
    expect(ROLES.map((r) => r.value)).toEqual(['rep', 'service', 'region-manager', 'manager', 'director', 'gm', 'clerk', 'admin', 'other']);
  });
});
