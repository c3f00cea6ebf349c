// Commander's parse errors in the user's language, recognised by code; anything else as commander says it.
import { expect, test } from 'vitest';
import { usageDetail } from '../../src/i18n/usage-errors.js';
import { translator } from '../../src/i18n/translate.js';

const zh = translator('zh');
const en = translator('en');

test.each([
  ['commander.unknownCommand', "error: unknown command 'lsit'\n(Did you mean list?)", '没有 lsit 这个命令（是不是 list?）', "unknown command 'lsit' (did you mean list?)"],
  ['commander.unknownOption', "error: unknown option '--bogus'", '没有 --bogus 这个选项', "unknown option '--bogus'"],
  ['commander.excessArguments', "error: too many arguments for 'show'. Expected 1 argument but got 2.", '参数太多：应为 1 个，给了 2 个', 'too many arguments: expected 1, got 2'],
  ['commander.missingArgument', "error: missing required argument 'id'", '缺少参数 id', "missing required argument 'id'"],
  ['commander.missingMandatoryOptionValue', "error: required option '--to <login>' not specified", '缺少必填选项 --to <login>', "required option '--to <login>' not given"],
  ['commander.optionMissingArgument', "error: option '--limit <n>' argument missing", '选项 --limit <n> 缺少取值', "option '--limit <n>' needs a value"],
  [
    'commander.invalidArgument',
    "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, json.",
    '选项 --format <format> 的值 "xml" 无效，可选：csv, json',
    "option '--format <format>': 'xml' is not allowed; choose csv, json",
  ],
])('%s', (code, message, inChinese, inEnglish) => {
  expect(usageDetail(code, message, zh)).toBe(inChinese);
  expect(usageDetail(code, message, en)).toBe(inEnglish);
});

test('an error it does not know, or a text it cannot read, is passed on as commander wrote it', () => {
  expect(usageDetail('commander.conflictingOption', "error: option '--a' cannot be used with option '--b'", zh)).toBe("option '--a' cannot be used with option '--b'");
  expect(usageDetail('commander.unknownCommand', 'error: something else entirely', zh)).toBe('something else entirely');
});
