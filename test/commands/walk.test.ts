// The interactive walk through the card, answered by a scripted prompter.
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { inquirerPrompter } from '../../src/io/prompter.js';
import { snapshot } from '../support/db.js';
import { crm, crmOk, json, seededDb, useTempDir } from '../support/run.js';
import { CTRL_C, scriptedPrompter, type Answer } from '../support/scripted-prompter.js';

/** Answers for the basic-data section after the name, in card order. */
const BASIC_AFTER_NAME: Answer[] = [
  '深圳市福田区华强北路1001号', // address
  '518031', // postal code
  '0755-83765432', // phone
  '', // fax
  'info@huaqiang-example.cn', // e-mail
  '', // website
  '', // region: keep the default (the clerk's region)
  '电子元器件', // industry
  '', // product line
];

describe('crm add, interactive', () => {
  const dir = useTempDir();

  test('a full walk with a typo corrected inline saves the card', async () => {
    const db = await seededDb(dir());
    const p = scriptedPrompter([
      '华强电子有限公司',
      ...BASIC_AFTER_NAME,
      true, // fill in registration data
      '91440300MA5F5Y5X0K', // typo: wrong check character, rejected inline
      '91440300MA5F5Y5X01',
      '陈志强', '2003-05-18', 'private', '5000万', '', '', '', '',
      true, // add a contact
      '王强', '采购经理', '', '1380013800', '13800138000', '', 'wq@huaqiang-example.cn', true, '03-15', '羽毛球', '',
      true, // another contact
      '刘洋', '工程师', '', '', '0755-83765432 转 801', '', false, '',
      false, // no more contacts
      false, // skip characteristics
      'distributor', '', 'trade-show', '2026 深圳电子展', 'potential', 'B', 'lina',
      true, // save
    ]);
    const r = await crm(db, ['add'], { prompter: p, login: 'wangfang' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.remaining()).toBe(0);
    expect(p.rejected).toEqual([expect.stringMatching(/check character \(expected 1\)/), expect.stringMatching(/not a valid mobile/)]);
    expect(r.stdout).toContain('Please check (not saved yet)');
    const id = r.stdout.trim().split('\n').pop()!;
    expect(id).toBe('C000001');
    const card = json<Record<string, unknown> & { contacts: Record<string, unknown>[] }>(await crm(db, ['show', id, '--json']));
    expect(card).toMatchObject({
      name: '华强电子有限公司',
      uscc: '91440300MA5F5Y5X01',
      region: '华南',
      phone: '+8675583765432',
      registered_capital: 50_000_000,
      kind: 'distributor',
      source: 'trade-show',
      source_detail: '2026 深圳电子展',
      grade: 'B',
      owner: 'lina',
    });
    expect(card.contacts).toEqual([
      expect.objectContaining({ name: '王强', mobile: '13800138000', decision_maker: true, birthday: '--03-15', hobbies: '羽毛球' }),
      expect.objectContaining({ name: '刘洋', phone: '+8675583765432;ext=801', decision_maker: false, birthday: null }),
    ]);
  });

  test('declining at the summary writes nothing (exit 1)', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const p = scriptedPrompter(['某某科技', ...BASIC_AFTER_NAME, false, false, false, '', '', '', '', '', '', '', false]);
    const r = await crm(db, ['add'], { prompter: p });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was saved/);
    expect(snapshot(db)).toEqual(before);
  });

  test('Ctrl-C halfway writes nothing', async () => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const r = await crm(db, ['add'], { prompter: scriptedPrompter(['某某科技', '地址', CTRL_C]) });
    expect(r.code).toBe(1);
    expect(snapshot(db)).toEqual(before);
  });

  test('a name like an existing file warns, and stopping there writes nothing', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子有限公司']);
    const p = scriptedPrompter(['华强电子', false]);
    const r = await crm(db, ['add'], { prompter: p });
    expect(r.stdout).toMatch(/similar customers exist: C000001 华强电子有限公司/);
    expect(r.code).toBe(1);
    expect(snapshot(db).customers).toBe(1);
  });

  test('going on past the similar-name warning saves the card: the answer stands for that name', async () => {
    const db = await seededDb(dir());
    await crmOk(db, ['add', '--name', '华强电子有限公司', '--phone', '0755-83765432']);
    const p = scriptedPrompter(['华强电子', true, ...BASIC_AFTER_NAME.map((a) => (a === '0755-83765432' ? '' : a)), false, false, false, '', '', '', '', '', '', '', true]);
    const r = await crm(db, ['add'], { prompter: p });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe('C000002');
  });

  test('going on past the similar-name warning still refuses the same phone', async () => {
    const db = await seededDb(dir());
    await crmOk(db, ['add', '--name', '华强电子有限公司', '--phone', '0755-83765432']);
    const before = snapshot(db);
    const p = scriptedPrompter(['华强电子', true, ...BASIC_AFTER_NAME, false, false, false, '', '', '', '', '', '', '', true]);
    const r = await crm(db, ['add'], { prompter: p });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/C000001 .*phone number/);
    expect(snapshot(db)).toEqual(before);
  });

  test('a similar file outside the caller\'s scope is named by its id only', async () => {
    const db = await seededDb(dir());
    await crmOk(db, ['add', '--name', '华强电子有限公司', '--region', '华南', '--owner', 'zhangwei']);
    const p = scriptedPrompter(['华强电子', false]);
    const r = await crm(db, ['add'], { prompter: p, login: 'lina' });
    expect(r.stdout).toMatch(/similar customers exist: C000001\n/);
    expect(r.stdout).not.toContain('华强电子有限公司');
  });

  test('the walk asks for the parent company, so a branch (分厂) is filed under it', async () => {
    const db = await seededDb(dir());
    await crmOk(db, ['add', '--name', '深圳市华强电子有限公司']);
    const p = scriptedPrompter(['东莞华强分厂', ...BASIC_AFTER_NAME.map((a) => (a === '0755-83765432' ? '' : a)), false, false, false, '', 'C000001', '', '', '', '', '', true]);
    const r = await crm(db, ['add'], { prompter: p });
    expect(r.code).toBe(0);
    expect(p.remaining()).toBe(0);
    expect(p.asked).toContain('Parent company (customer id)');
    expect(json<{ parent: string | null }>(await crm(db, ['show', 'C000002', '--json'])).parent).toBe('C000001');
  });

  test('the walk speaks the policy terms in Chinese', async () => {
    const db = await seededDb(dir());
    const p = scriptedPrompter(['某某科技', ...BASIC_AFTER_NAME, false, false, false, '', '', '', '', '', '', '', true]);
    const r = await crm(db, ['--lang', 'zh', 'add'], { prompter: p });
    expect(r.code).toBe(0);
    expect(p.asked).toEqual(expect.arrayContaining(['企业名称 *', '地址', '电话', '往来单位类别', '收集渠道', '客户状态', '客户等级', '负责人']));
    expect(r.stdout).toContain('── 客户基本信息 ──');
  });
});

describe('crm update, interactive', () => {
  const dir = useTempDir();

  test('edits chosen sections with current values as defaults, and a contact', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--phone', '0755-83765432', '--industry', '电子', '--contact-name', '王强', '--contact-mobile', '13800138000']);
    const p = scriptedPrompter([
      ['basic', 'contact'],
      // basic: keep the name, address; change phone; clear industry; keep the rest
      '', '', '', '021-62345678', '', '', '', '', '-', '',
      // contacts: edit #1, change the title only
      '1', '', '总经理', '', '', '', '', false, '',
      'done',
      true, // save
    ]);
    const r = await crm(db, ['update', 'C000001'], { prompter: p });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.remaining()).toBe(0);
    const card = json<Record<string, unknown> & { contacts: Record<string, unknown>[] }>(await crm(db, ['show', 'C000001', '--json']));
    expect(card).toMatchObject({ name: '华强电子', phone: '+862162345678', industry: null });
    expect(card.contacts[0]).toMatchObject({ name: '王强', title: '总经理', mobile: '13800138000' });
    const history = json<{ field: string; old_value: string | null; new_value: string | null }[]>(await crm(db, ['history', 'C000001', '--json']));
    expect(history.filter((h) => h.old_value !== null || h.field === 'title').map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['phone', '+8675583765432', '+862162345678'],
      ['industry', '电子', null],
      ['title', null, '总经理'],
    ]);
  });

  test('the changes to confirm name fields by the card\'s terms and show old values as the sheet does', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子', '--phone', '0755-83765432', '--contact-name', '王强', '--contact-mobile', '13800138000']);
    const p = scriptedPrompter([['basic', 'contact'], '', '', '', '021-62345678', '', '', '', '', '', '', '1', '', '总经理', '', '', '', '', false, '', 'done', false]);
    const r = await crm(db, ['--lang', 'zh', 'update', 'C000001'], { prompter: p });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  电话: 0755 8376 5432 → 021-62345678\n');
    expect(r.stdout).toContain('  联系人 #1: 职务 总经理\n');
  });

  test('without --set and without a terminal it names the flag (exit 2)', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '华强电子']);
    const r = await crm(db, ['update', 'C000001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set key=value/);
  });
});

describe('the terminal prompter', () => {
  /** A terminal's streams: what is typed goes into `stdin`. */
  function terminal() {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
    stdout.resume();
    return { stdin, stdout, stderr: new PassThrough() };
  }

  test('Esc abandons the question as Ctrl-C does (nothing is saved)', async () => {
    const io = terminal();
    const p = await inquirerPrompter(io, { yes: 'yes', no: 'no' });
    const answer = p.input('Company name *');
    setTimeout(() => io.stdin.write('\x1b'), 20);
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });

  test('an arrow key is not Esc: typing goes on', async () => {
    const io = terminal();
    const p = await inquirerPrompter(io, { yes: 'yes', no: 'no' });
    const answer = p.input('Company name *');
    setTimeout(() => io.stdin.write('\x1b[A华强\r'), 20);
    await expect(answer).resolves.toBe('华强');
  });
});
