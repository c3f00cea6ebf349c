// Every sentence crm prints, in Simplified Chinese and English. Errors say what went wrong,
// why, and how to fix it, in one line.

import { handoverMessages } from './areas/handover.js';
import { privacyMessages } from './areas/privacy.js';

export type Catalogue = Record<string, { zh: string; en: string }>;

const core = {
  // Validation rules: {field} is the card's label, {key} the JSON/--set key.
  'rule.required': {
    zh: '{field}({key})不能为空:这是必填项。',
    en: '{field} ({key}) is required: give it a value.',
  },
  'rule.type_text': {
    zh: '{field}({key})的值 {value} 不是文本:请用字符串。',
    en: '{field} ({key}) must be text, not {value}: quote the value.',
  },
  'rule.uscc_length': {
    zh: '{field}({key})"{value}"不是 18 位:统一社会信用代码为 18 位(GB 32100-2015),请对照营业执照检查。',
    en: '{field} ({key}) "{value}" is not 18 characters long: a unified social credit code has 18 (GB 32100-2015); check it against the business licence.',
  },
  'rule.uscc_charset': {
    zh: '{field}({key})"{value}"含有无效字符:只能使用数字和除 I、O、Z、S、V 外的大写字母。',
    en: '{field} ({key}) "{value}" has an invalid character: only digits and capital letters other than I, O, Z, S, V are used.',
  },
  'rule.uscc_check': {
    zh: '{field}({key})"{value}"校验位不符(应为 {expected}):多半是抄错了一位,请对照营业执照检查。',
    en: '{field} ({key}) "{value}" fails its check character (expected {expected}): a character is probably mistyped; check the business licence.',
  },
  'rule.phone_invalid': {
    zh: '{field}({key})"{value}"不是有效的电话号码:座机请带区号(如 0755-83765432),手机 11 位,国外号码以 + 开头。',
    en: '{field} ({key}) "{value}" is not a valid phone number: give landlines with the area code (0755-83765432), mobiles with 11 digits, foreign numbers with +.',
  },
  'rule.mobile_invalid': {
    zh: '{field}({key})"{value}"不是有效的手机号码:大陆手机为 1 开头的 11 位数字(可带 +86),座机请填在"电话"。',
    en: '{field} ({key}) "{value}" is not a valid mobile number: mainland mobiles have 11 digits starting with 1 (+86 allowed); put landlines under phone.',
  },
  'rule.email': {
    zh: '{field}({key})"{value}"不是有效的电子邮箱:格式应为 name@example.com。',
    en: '{field} ({key}) "{value}" is not a valid e-mail address: write it as name@example.com.',
  },
  'rule.date': {
    zh: '{field}({key})"{value}"不是有效日期:请写成 YYYY-MM-DD(如 2026-03-15),且须是真实存在的日期。',
    en: '{field} ({key}) "{value}" is not a real date: write YYYY-MM-DD, e.g. 2026-03-15.',
  },
  'rule.birthday': {
    zh: '{field}({key})"{value}"不是有效日期:请写成 YYYY-MM-DD,不知道年份时写 MM-DD(如 03-15)。',
    en: '{field} ({key}) "{value}" is not a real date: write YYYY-MM-DD, or MM-DD when the year is unknown.',
  },
  'rule.money': {
    zh: '{field}({key})"{value}"不是有效金额:可写 5000000、5,000,000、500万 或 1.2亿(单位:元)。',
    en: '{field} ({key}) "{value}" is not an amount: write 5000000, 5,000,000, 500万 or 1.2亿 (CNY).',
  },
  'rule.count': {
    zh: '{field}({key})"{value}"不是整数:请填写人数,如 120。',
    en: '{field} ({key}) "{value}" is not a whole number: give a count such as 120.',
  },
  'rule.postal': {
    zh: '{field}({key})"{value}"不是有效邮编:邮政编码为 6 位数字。',
    en: '{field} ({key}) "{value}" is not a postal code: mainland postal codes have 6 digits.',
  },
  'rule.url': {
    zh: '{field}({key})"{value}"不是有效网址:如 www.example.com 或 https://example.com。',
    en: '{field} ({key}) "{value}" is not a web address: write www.example.com or https://example.com.',
  },
  'rule.enum': {
    zh: '{field}({key})"{value}"不是可选值:可选 {allowed}。',
    en: '{field} ({key}) "{value}" is not one of the allowed values: {allowed}.',
  },
  'rule.customer_id': {
    zh: '{field}({key})"{value}"不是客户编号:客户编号形如 C000123。',
    en: '{field} ({key}) "{value}" is not a customer id: ids look like C000123.',
  },
  'rule.bool': {
    zh: '{field}({key})"{value}"无法理解:请填 是/否(yes/no)。',
    en: '{field} ({key}) "{value}" is not yes or no: answer yes/no (true/false).',
  },
  'rule.unknown_field': {
    zh: '没有字段"{key}":可用字段为 {allowed}。',
    en: 'There is no field "{key}": the fields are {allowed}.',
  },
  'rule.churn_reason': {
    zh: '{field}({key})不能为空:标记为流失客户时须写明流失原因(POLICY §4)。',
    en: '{field} ({key}) is required when the status is churned: say why the customer was lost.',
  },
  'rule.referral_unknown': {
    zh: '{field}({key})"{value}"不存在:请填写已有客户的编号(crm list 可查)。',
    en: '{field} ({key}) "{value}" does not exist: give the id of an existing customer (see crm list).',
  },
  'rule.staff_unknown': {
    zh: '{field}({key})"{value}"不是已登记的员工:请用 crm staff list 查看登录名。',
    en: '{field} ({key}) "{value}" is not a registered staff member: see crm staff list for logins.',
  },
  'rule.staff_inactive': {
    zh: '{field}({key})"{value}"已停用:请指定在职员工。',
    en: '{field} ({key}) "{value}" is deactivated: choose an active staff member.',
  },

  'err.prefix': { zh: '错误:', en: 'error: ' },
  'err.usage': {
    zh: '{detail}(用法见 crm --help)',
    en: '{detail} (see crm --help)',
  },
  'err.internal': {
    zh: '意外错误:{message}。数据未被修改;请设置 CRM_DEBUG=1 重试并报告此问题。',
    en: 'unexpected error: {message}. Nothing was changed; run again with CRM_DEBUG=1 and report it.',
  },
  'io.disk_full': {
    zh: '磁盘已满,未写入任何内容:请腾出空间后重试。',
    en: 'the disk is full; nothing was written: free some space and try again.',
  },
  'io.file_error': {
    zh: '无法使用文件 {path}:{reason}。',
    en: 'cannot use file {path}: {reason}.',
  },
  'io.cannot_read': {
    zh: '无法读取 {path}:{reason}。请检查路径,或用 - 从标准输入读取。',
    en: 'cannot read {path}: {reason}. Check the path, or pass - to read standard input.',
  },

  'db.missing': {
    zh: '数据库 {path} 不存在:请先运行 crm init 创建(或用 --db PATH / CRM_DB 指定已有数据库)。',
    en: 'no database at {path}: run crm init to create it (or point --db PATH / CRM_DB at an existing one).',
  },
  'db.exists': {
    zh: '{path} 已存在,crm init 不会覆盖:要使用它请直接运行命令;要新建请用 --db 指定新路径。',
    en: '{path} already exists and crm init never overwrites: use it as it is, or pass --db with a new path.',
  },
  'db.not_crm': {
    zh: '{path} 不是 crm 数据库(文件损坏或是其他程序的文件):请检查 --db / CRM_DB 指向的文件。',
    en: '{path} is not a crm database (damaged, or another program\'s file): check what --db / CRM_DB points at.',
  },
  'db.too_new': {
    zh: '{path} 的结构版本为 {version},本程序只支持到 {supported}:请升级 crm 后再打开,数据未被改动。',
    en: '{path} has schema version {version} but this crm supports up to {supported}: upgrade crm; the file was not touched.',
  },
  'db.cannot_open': {
    zh: '无法打开数据库 {path}:{reason}。请检查文件及其目录的权限。',
    en: 'cannot open the database {path}: {reason}. Check the permissions of the file and its directory.',
  },
  'db.cannot_create': {
    zh: '无法创建数据库 {path}:{reason}。请检查目录是否可写。',
    en: 'cannot create the database {path}: {reason}. Check that the directory is writable.',
  },
  'db.readonly': {
    zh: '数据库是只读的,未写入任何内容:请检查文件权限。',
    en: 'the database is read-only; nothing was written: check the file permissions.',
  },
  'db.busy': {
    zh: '数据库忙(其他用户正在写入),未写入任何内容:请稍后重试。',
    en: 'database busy (someone else is writing); nothing was written: try again.',
  },

  'identity.unregistered': {
    zh: '登录名 {login} 不是已登记的员工:请管理员运行 crm staff add {login} --name 姓名 --role 角色。',
    en: 'the login {login} is not a registered staff member: ask an administrator to run crm staff add {login} --name NAME --role ROLE.',
  },
  'identity.inactive': {
    zh: '员工 {login} 已停用,不能再使用 crm:如有疑问请联系管理员。',
    en: 'staff member {login} is deactivated and may no longer use crm: contact an administrator.',
  },
  'identity.as_not_admin': {
    zh: '只有管理员(admin)可以使用 --as 代他人操作,{login} 不是管理员:请去掉 --as。',
    en: 'only an admin may act as someone else with --as, and {login} is not one: drop --as.',
  },
  'identity.as_unknown': {
    zh: '--as {login}:没有这个员工。请用 crm staff list 查看登录名。',
    en: '--as {login}: there is no such staff member. See crm staff list.',
  },

  'init.done': {
    zh: '已创建数据库 {path},并将 {login} 登记为管理员。下一步:crm staff add 登记员工,crm add 录入客户。',
    en: 'Created the database {path} and registered {login} as admin. Next: crm staff add to register staff, crm add to enter a customer.',
  },

  'staff.bad_login': {
    zh: '登录名"{login}"无效:请使用操作系统登录名(字母、数字、. _ - @)。',
    en: 'the login "{login}" is not valid: use the operating-system login (letters, digits, . _ - @).',
  },
  'staff.add_needs': {
    zh: '缺少 --name 或 --role:登记员工需要姓名和角色,如 crm staff add zhangwei --name 张伟 --role rep。',
    en: '--name and --role are required: crm staff add zhangwei --name "Zhang Wei" --role rep.',
  },
  'staff.update_needs': {
    zh: '没有要修改的内容:请给出 --name、--role、--region、--product-line、--phone 或 --email。',
    en: 'nothing to change: give --name, --role, --region, --product-line, --phone or --email.',
  },
  'staff.admin_only': {
    zh: '只有管理员(admin)可以登记或修改员工:请联系管理员。',
    en: 'only an admin may register or change staff: ask an administrator.',
  },
  'staff.exists': {
    zh: '员工 {login} 已登记:要修改请用 crm staff update {login}。',
    en: 'staff member {login} is already registered: use crm staff update {login} to change them.',
  },
  'staff.not_found': {
    zh: '没有员工 {login}:请用 crm staff list --all 查看。',
    en: 'there is no staff member {login}: see crm staff list --all.',
  },
  'staff.already_inactive': {
    zh: '员工 {login} 已经停用。',
    en: 'staff member {login} is already deactivated.',
  },
  'staff.last_admin': {
    zh: '{login} 是最后一位在职管理员,不能停用或改变角色:请先登记另一位管理员。',
    en: '{login} is the last active admin and cannot be deactivated or lose the role: register another admin first.',
  },
  'staff.owns_customers': {
    zh: '{login} 仍负责 {n} 个客户,不能直接停用:请先用 crm handover {login} --to 接收人 移交客户(POLICY §8)。',
    en: '{login} still owns {n} customers and cannot simply be deactivated: hand them over first with crm handover {login} --to LOGIN (POLICY §8).',
  },
  'staff.added': { zh: '已登记员工 {login}。', en: 'Registered staff member {login}.' },
  'staff.updated': { zh: '已更新员工 {login}({n} 项修改)。', en: 'Updated staff member {login} ({n} changes).' },
  'staff.deactivated': { zh: '已停用员工 {login}。', en: 'Deactivated staff member {login}.' },
  'staff.col_login': { zh: '登录名', en: 'Login' },
  'staff.col_name': { zh: '姓名', en: 'Name' },
  'staff.col_role': { zh: '角色', en: 'Role' },
  'staff.col_region': { zh: '区域', en: 'Region' },
  'staff.col_product_line': { zh: '品项', en: 'Product line' },
  'staff.col_phone': { zh: '电话', en: 'Phone' },
  'staff.col_email': { zh: '电子邮箱', en: 'E-mail' },
  'staff.col_active': { zh: '在职', en: 'Active' },

  'customer.bad_id': {
    zh: '"{id}"不是客户编号:客户编号形如 C000123。',
    en: '"{id}" is not a customer id: ids look like C000123.',
  },
  'customer.not_found': {
    zh: '没有客户 {id}:请用 crm list --search 查找。',
    en: 'there is no customer {id}: find it with crm list --search.',
  },
  'customer.out_of_scope': {
    zh: '您无权查阅或修改客户 {id}(不在您的负责范围内,POLICY §6):如需查阅,请用 crm access request --customer {id} --purpose 用途 提交资料提取申请。',
    en: 'customer {id} is outside what you may see or change (POLICY §6): to read it, file a request with crm access request --customer {id} --purpose TEXT.',
  },
  'customer.add_denied': {
    zh: '您的岗位不能录入客户资料:请联系客户资料管理员。',
    en: 'your role may not enter customer files: ask the records clerk.',
  },
  'customer.reassign_denied': {
    zh: '只有经理、区域经理、资料管理员或管理员可以把客户交给他人负责:请联系您的经理。',
    en: 'only a manager, regional manager, records clerk or admin may give a customer to someone else: ask your manager.',
  },
  'dup.uscc': {
    zh: '可能重复:客户 {id}「{name}」的统一社会信用代码同为 {value}。请用 crm show {id} 核对;确是不同客户时加 --allow-duplicate。',
    en: 'likely duplicate: customer {id} "{name}" has the same credit code {value}. Check with crm show {id}; add --allow-duplicate if they really differ.',
  },
  'dup.name': {
    zh: '可能重复:已有客户 {id}「{name}」,企业名称相同(忽略全半角、空格、括号和"有限公司"等)。请用 crm show {id} 核对;确是不同客户时加 --allow-duplicate。',
    en: 'likely duplicate: customer {id} "{name}" has the same company name (ignoring width, spaces, brackets and legal form). Check with crm show {id}; add --allow-duplicate if they really differ.',
  },
  'dup.phone': {
    zh: '可能重复:客户 {id}「{name}」已有电话 {value}。请用 crm show {id} 核对;确是不同客户时加 --allow-duplicate。',
    en: 'likely duplicate: customer {id} "{name}" already has the phone number {value}. Check with crm show {id}; add --allow-duplicate if they really differ.',
  },
  'dup.email': {
    zh: '可能重复:客户 {id}「{name}」已有电子邮箱 {value}。请用 crm show {id} 核对;确是不同客户时加 --allow-duplicate。',
    en: 'likely duplicate: customer {id} "{name}" already has the e-mail {value}. Check with crm show {id}; add --allow-duplicate if they really differ.',
  },

  'dup.out_of_scope': {
    zh: '可能重复:已有客户 {id}({field} 相同),但不在您的负责范围内:请联系其负责人或经理;确是不同客户时加 --allow-duplicate。',
    en: 'likely duplicate of customer {id} (same {field}), which is outside your scope: ask its owner or your manager; add --allow-duplicate if they really differ.',
  },
  'add.needs_input': {
    zh: '没有终端可以逐项询问:请用 --name 等参数,或用 --json 文件(- 表示标准输入)提供客户资料。',
    en: 'there is no terminal to ask on: give the card with flags such as --name, or with --json FILE (- for stdin).',
  },
  'update.needs_input': {
    zh: '没有终端可以逐项编辑:请用 --set 字段=值 指定修改。',
    en: 'there is no terminal for an interactive edit: give the changes with --set key=value.',
  },
  'update.done': { zh: '已更新 {id}({n} 项修改,见 crm history {id})。', en: 'Updated {id} ({n} changes; see crm history {id}).' },
  'update.nothing': { zh: '{id} 没有变化。', en: '{id}: nothing changed.' },
  'set.bad_pair': {
    zh: '"{pair}"不是 字段=值 的形式:例如 --set phone=0755-83765432(字段= 表示清空)。',
    en: '"{pair}" is not key=value: e.g. --set phone=0755-83765432 (key= clears the field).',
  },
  'set.twice': { zh: '字段 {key} 被设置了两次:每个字段只能给一次。', en: 'the field {key} is set twice: give each field once.' },
  'set.none': { zh: '没有要修改的内容:请用 --set 字段=值。', en: 'nothing to change: give --set key=value.' },
  'json.invalid': {
    zh: 'JSON 无法解析:{detail}。请检查文件内容。',
    en: 'the JSON does not parse: {detail}. Check the document.',
  },
  'json.not_object': {
    zh: 'JSON 须是一个客户对象 {…}(字段与 crm show --json 相同)。',
    en: 'the JSON must be one customer object {…} with the keys of crm show --json.',
  },
  'json.bad_contacts': {
    zh: 'JSON 中的 contacts 须是联系人对象的数组。',
    en: 'contacts in the JSON must be an array of contact objects.',
  },
  'json.bad_staff': {
    zh: 'JSON 中的 staff 须是员工登录名的数组。',
    en: 'staff in the JSON must be an array of staff logins.',
  },
  'contact.bad_id': { zh: '"{id}"不是联系人编号:请用 crm show 客户编号 查看联系人编号(#)。', en: '"{id}" is not a contact id: see the # column of crm show CUSTOMER_ID.' },
  'contact.not_found': { zh: '没有联系人 {id}。', en: 'there is no contact {id}.' },
  'contact.updated': { zh: '已更新联系人 {id}({n} 项修改)。', en: 'Updated contact {id} ({n} changes).' },
  'contact.removed': { zh: '已删除联系人 {id}(原资料保留在修改历史中)。', en: 'Removed contact {id} (its details stay in the history).' },

  'show.title': { zh: '客户基本资料卡', en: 'Customer file' },
  'show.verified': { zh: '已核实:{at},{by},方式 {how}', en: 'Verified {at} by {by} ({how})' },
  'show.unverified': { zh: '未核实(资料尚未经电话、传真、邮件或拜访确认)', en: 'Unverified (not yet confirmed by phone, fax, e-mail or visit)' },
  'show.timestamps': { zh: '建档 {created} · 最近更新 {updated}', en: 'Created {created} · last updated {updated}' },
  'show.no_contacts': { zh: '(尚无联系人)', en: '(no contacts yet)' },
  'show.staff_heading': { zh: '我方联系人员(负责人以外)', en: 'Our staff in contact (besides the owner)' },
  'show.no_staff': { zh: '(无;重要客户应有两名以上人员联系)', en: '(none; important customers should have two or more)' },
  'show.trade_heading': { zh: '交易摘要', en: 'Trade summary' },
  'show.no_trade': { zh: '(尚无交易记录)', en: '(no trade recorded yet)' },

  'list.bad_number': { zh: '{flag} 须是正整数,不是"{value}"。', en: '{flag} must be a positive whole number, not "{value}".' },
  'list.empty_search': { zh: '--search 需要要查找的文字。', en: '--search needs some text to look for.' },
  'list.none': { zh: '没有符合条件的客户。', en: 'No customers match.' },
  'list.page': {
    zh: '第 {from}–{to} 条,共 {total} 条(第 {page}/{last} 页;用 --page 翻页,--json 取全部)',
    en: 'rows {from}–{to} of {total} (page {page}/{last}; --page N for more, --json for all)',
  },
  'list.col_id': { zh: '编号', en: 'ID' },
  'list.col_name': { zh: '企业名称', en: 'Company' },
  'list.col_status': { zh: '状态', en: 'Status' },
  'list.col_grade': { zh: '等级', en: 'Grade' },
  'list.col_region': { zh: '区域', en: 'Region' },
  'list.col_industry': { zh: '行业', en: 'Industry' },
  'list.col_owner': { zh: '负责人', en: 'Owner' },
  'list.col_contact': { zh: '联系人', en: 'Contact' },
  'list.col_phone': { zh: '电话', en: 'Phone' },

  'history.empty': { zh: '尚无修改记录。', en: 'No changes recorded.' },
  'history.contact': { zh: '联系人', en: 'contact' },
  'history.created': { zh: '(新建)', en: '(created)' },
  'history.removed': { zh: '(删除)', en: '(removed)' },
  'history.col_at': { zh: '时间', en: 'When' },
  'history.col_who': { zh: '操作人', en: 'Who' },
  'history.col_command': { zh: '命令', en: 'Command' },
  'history.col_field': { zh: '字段', en: 'Field' },
  'history.col_old': { zh: '原值', en: 'Old' },
  'history.col_new': { zh: '新值', en: 'New' },

  'walk.intro': {
    zh: '录入客户基本资料卡。带 * 的为必填项;直接回车跳过;按 Ctrl-C 随时放弃(不会保存任何内容)。',
    en: 'Entering a customer file. Fields with * are required; press Enter to skip one; Ctrl-C abandons (nothing is saved).',
  },
  'walk.edit_intro': {
    zh: '编辑客户资料:回车保留原值,输入 {clear} 清空该项;Ctrl-C 放弃。',
    en: 'Editing a customer file: Enter keeps a value, {clear} clears it; Ctrl-C abandons.',
  },
  'walk.none': { zh: '(不填)', en: '(none)' },
  'walk.similar': { zh: '注意:已有相似的客户:{list}', en: 'Note: similar customers exist: {list}' },
  'walk.continue_anyway': { zh: '仍然继续新建?', en: 'Create a new file anyway?' },
  'walk.ask_section': { zh: '现在填写{section}吗?', en: 'Fill in {section} now?' },
  'walk.add_contact': { zh: '添加联系人?', en: 'Add a contact?' },
  'walk.add_another_contact': { zh: '再添加一位联系人?', en: 'Add another contact?' },
  'walk.summary_title': { zh: '请核对(尚未保存)', en: 'Please check (not saved yet)' },
  'walk.confirm_save': { zh: '保存?', en: 'Save?' },
  'walk.cancelled': { zh: '已放弃,未保存任何内容。', en: 'Abandoned; nothing was saved.' },
  'walk.choose_sections': { zh: '要编辑哪些部分?(空格选择,回车确认)', en: 'Which sections to edit? (space to choose, Enter to go on)' },
  'walk.contact_menu': { zh: '联系人:', en: 'Contacts:' },
  'walk.contact_new': { zh: '新增联系人', en: 'new contact' },
  'walk.contact_done': { zh: '完成', en: 'done' },
  'walk.changes': { zh: '将保存以下修改:', en: 'These changes will be saved:' },

  'word.yes': { zh: '是', en: 'yes' },
  'word.no': { zh: '否', en: 'no' },

  'cli.description': {
    zh: '客户资料管理(客户资料管理办法)的命令行工具,数据保存在一个本地 SQLite 文件中。',
    en: 'Customer files as the customer-data policy (客户资料管理办法) wants them, in one local SQLite file.',
  },
  'cli.opt_db': { zh: '数据库文件(默认 $CRM_DB 或 ~/.local/share/crm/crm.db)', en: 'database file (default $CRM_DB or ~/.local/share/crm/crm.db)' },
  'cli.opt_as': { zh: '以另一员工身份操作(仅管理员)', en: 'act as another staff member (admins only)' },
  'cli.opt_lang': { zh: '界面语言 zh 或 en(默认随系统语言)', en: 'language, zh or en (default: the locale)' },
  'cli.opt_json': { zh: '以 JSON 输出', en: 'print JSON' },
  'cli.init': { zh: '新建数据库,并将当前登录名登记为管理员', en: 'create the database and register the current login as admin' },
  'cli.opt_init_name': { zh: '管理员姓名(默认为登录名)', en: "the admin's name (default: the login)" },
  'cli.staff': { zh: '员工登记:add、list、update、deactivate', en: 'staff: add, list, update, deactivate' },
  'cli.staff_add': { zh: '登记员工(仅管理员)', en: 'register a staff member (admin)' },
  'cli.staff_update': { zh: '修改员工资料(仅管理员)', en: "change a staff member's details (admin)" },
  'cli.staff_list': { zh: '列出员工', en: 'list staff' },
  'cli.staff_deactivate': { zh: '停用员工(须先移交其客户)', en: 'deactivate a staff member (after handing over their customers)' },
  'cli.opt_staff_name': { zh: '姓名', en: 'full name' },
  'cli.opt_role': { zh: '角色:rep service region-manager manager director gm clerk admin other', en: 'role: rep service region-manager manager director gm clerk admin other' },
  'cli.opt_staff_region': { zh: '负责区域(区域经理必填)', en: 'region (for regional managers)' },
  'cli.opt_staff_line': { zh: '负责品项', en: 'product line' },
  'cli.opt_staff_phone': { zh: '电话', en: 'phone' },
  'cli.opt_staff_email': { zh: '电子邮箱', en: 'e-mail' },
  'cli.opt_staff_all': { zh: '包括已停用的员工', en: 'include deactivated staff' },
  'cli.add': { zh: '新建客户资料(无参数时在终端逐项填写)', en: 'enter a new customer file (a walk through the card without flags)' },
  'cli.opt_add_staff': { zh: '我方其他联系人员(登录名,逗号分隔)', en: 'other staff in contact (logins, comma-separated)' },
  'cli.opt_allow_duplicate': { zh: '确认不是重复客户,仍然保存', en: 'save even though it looks like a duplicate' },
  'cli.opt_add_json': { zh: '从 JSON 文件(- 为标准输入)读取客户资料;输出 JSON', en: 'read the card from a JSON file (- for stdin); print JSON' },
  'cli.show': { zh: '查看客户资料', en: 'show a customer file' },
  'cli.list': { zh: '列出、筛选、搜索客户', en: 'list, filter and search customers' },
  'cli.opt_status': { zh: '状态:potential followed cooperating churned', en: 'status: potential followed cooperating churned' },
  'cli.opt_grade': { zh: '等级:A B C', en: 'grade: A B C' },
  'cli.opt_region': { zh: '区域', en: 'region' },
  'cli.opt_industry': { zh: '行业', en: 'industry' },
  'cli.opt_owner': { zh: '负责人登录名', en: "owner's login" },
  'cli.opt_source': { zh: '来源(收集渠道)', en: 'source' },
  'cli.opt_search': { zh: '按企业名、联系人、电话、邮箱或拼音(全拼/首字母)搜索', en: 'search names, contacts, phones, e-mails, pinyin (full or initials)' },
  'cli.opt_sort': { zh: '排序字段', en: 'sort by' },
  'cli.opt_desc': { zh: '倒序', en: 'descending' },
  'cli.opt_limit': { zh: '最多显示条数', en: 'at most this many rows' },
  'cli.opt_page': { zh: '第几页', en: 'page number' },
  'cli.update': { zh: '修改客户资料(无 --set 时在终端选择部分编辑)', en: 'change a customer file (an interactive edit without --set)' },
  'cli.opt_set': { zh: '字段=值(字段= 清空),可重复', en: 'key=value (key= clears), repeatable' },
  'cli.opt_remove_staff': { zh: '移除我方联系人员(登录名)', en: 'take staff off the customer (logins)' },
  'cli.history': { zh: '查看客户资料的全部修改记录', en: "show every change to a customer's file" },
  'cli.contact': { zh: '联系人:add、update、remove', en: 'contacts: add, update, remove' },
  'cli.contact_add': { zh: '为客户添加联系人', en: 'add a contact to a customer' },
  'cli.contact_update': { zh: '修改联系人', en: 'change a contact' },
  'cli.contact_remove': { zh: '删除联系人', en: 'remove a contact' },
  'import.no_name': {
    zh: '既没有公司名称也没有姓名:名片至少要有其一。',
    en: 'neither a company nor a person: a card needs at least one of them.',
  },
  'import.out_of_scope': {
    zh: '这张名片属于已有客户 {id},不在您的负责范围内:请交给其负责人或资料管理员导入。',
    en: 'this card belongs to customer {id}, which is outside your scope: leave it to its owner or the records clerk.',
  },
  'import.ragged': {
    zh: '这一行有 {n} 列,而表头只有 {m} 列:多半是某个值里有未加引号的逗号。',
    en: 'this row has {n} fields but the header has {m}: probably an unquoted comma inside a value.',
  },
  'import.bad_encoding': {
    zh: '--encoding "{value}" 无效:可选 auto、utf8、gb18030(gbk)、utf16。',
    en: '--encoding "{value}" is not known: use auto, utf8, gb18030 (gbk) or utf16.',
  },
  'import.unknown_encoding': {
    zh: '无法识别文件编码(既不是 UTF-8 也不是 GB18030):请用 --encoding 指定,或确认这是名片的 CSV/vCard 文件。',
    en: 'the file is neither UTF-8 nor GB18030: name its encoding with --encoding, or check that it is a CSV or vCard file of cards.',
  },
  'import.undecodable': {
    zh: '文件在第 {offset} 字节附近不是有效的 {encoding} 编码,未导入任何内容:请用 --encoding 指定正确编码(Excel 在中文 Windows 上通常存为 gb18030)。',
    en: 'the file is not valid {encoding} near byte {offset}; nothing was imported: name the right encoding with --encoding (Excel on Chinese Windows writes gb18030).',
  },
  'import.binary': {
    zh: '文件在第 {offset} 字节附近含有 NUL 字节,不是文本文件,未导入任何内容:请导入 CSV 或 vCard 文件。',
    en: 'the file contains NUL bytes near byte {offset}: it is not a text file and nothing was imported. Import a CSV or vCard file.',
  },
  'import.csv_quote': {
    zh: '第 {line} 行有未闭合的引号,未导入任何内容:请检查该行的引号是否成对。',
    en: 'an opening quote is never closed (line {line}); nothing was imported: check the quotes of that line.',
  },
  'import.csv_too_long': {
    zh: '第 {line} 行的记录超过 256 KB,不像名片数据,未导入任何内容:请检查文件。',
    en: 'the record at line {line} is longer than 256 KB, which no business card is; nothing was imported: check the file.',
  },
  'import.csv_syntax': {
    zh: '第 {line} 行不是有效的 CSV,未导入任何内容。',
    en: 'line {line} is not valid CSV; nothing was imported.',
  },
  'import.vcard_unterminated': {
    zh: '第 {line} 行开始的 vCard 没有 END:VCARD,文件可能不完整,未导入任何内容。',
    en: 'the vCard starting at line {line} has no END:VCARD (the file may be cut short); nothing was imported.',
  },
  'import.vcard_nested': {
    zh: '第 {line} 行:vCard 中又出现 BEGIN:VCARD,未导入任何内容。',
    en: 'line {line}: BEGIN:VCARD inside a vCard; nothing was imported.',
  },
  'import.vcard_bad_line': {
    zh: '第 {line} 行不是有效的 vCard 内容,未导入任何内容。',
    en: 'line {line} is not valid vCard content; nothing was imported.',
  },
  'import.vcard_bad_charset': {
    zh: '第 {line} 行的字符集无法解码,未导入任何内容。',
    en: 'line {line} cannot be decoded in its stated CHARSET; nothing was imported.',
  },
  'import.empty': { zh: '文件是空的(或只有空白),没有可导入的名片。', en: 'the file is empty (or only blank): there are no cards to import.' },
  'import.header_only': { zh: '文件只有表头,没有名片数据。', en: 'the file has a header row but no cards.' },
  'import.no_columns': {
    zh: '表头中找不到公司或姓名列({header}):请用 --map "表头=company" 或 --map "表头=name" 指定。',
    en: 'no company or name column among the headers ({header}): say which with --map "HEADER=company" or --map "HEADER=name".',
  },
  'import.bad_map': { zh: '--map 无效:{detail}', en: 'bad --map: {detail}' },
  'import.no_profile': {
    zh: '没有名为 {name} 的导入配置:首次使用时请同时给出 --map,配置会被保存。',
    en: 'there is no import profile {name}: give --map with it the first time and it is saved.',
  },
  'import.bad_event_date': { zh: '--event-date "{value}" 不是有效日期:请写成 YYYY-MM-DD。', en: '--event-date "{value}" is not a real date: write YYYY-MM-DD.' },
  'import.bad_on_duplicate': { zh: '--on-duplicate "{value}" 无效:可选 skip、merge、update。', en: '--on-duplicate "{value}" is not one of skip, merge, update.' },
  'import.strict_stop': {
    zh: '第 {line} 行被拒绝(--strict,未导入任何内容):{reason}',
    en: 'line {line} rejected (--strict: nothing was imported): {reason}',
  },
  'import.rejected_row': { zh: '第 {line} 行未导入:{reason}', en: 'line {line} not imported: {reason}' },
  'import.rejected': {
    zh: '{n} 行未能导入(原因见上,或用 --errors 文件 导出后修正再导入)。',
    en: '{n} rows were rejected (see above, or write them with --errors FILE, fix and import again).',
  },
  'import.hint_errors': { zh: '提示:加 --errors 文件.csv 可导出被拒绝的行及原因。', en: 'Tip: --errors FILE.csv writes the rejected rows with their reasons.' },
  'import.summary': {
    zh: '读取 {rows_read} 行:新建客户 {customers_created} 个,新建联系人 {contacts_created} 个,合并 {merged},更新 {updated},重复跳过 {skipped},拒绝 {rejected}。',
    en: 'Read {rows_read} rows: {customers_created} customers and {contacts_created} contacts created, {merged} merged, {updated} updated, {skipped} skipped as duplicates, {rejected} rejected.',
  },
  'import.summary_dry': {
    zh: '试运行(未保存任何内容):读取 {rows_read} 行:将新建客户 {customers_created} 个,联系人 {contacts_created} 个,合并 {merged},更新 {updated},重复跳过 {skipped},拒绝 {rejected}。',
    en: 'Dry run (nothing saved): read {rows_read} rows: would create {customers_created} customers and {contacts_created} contacts, merge {merged}, update {updated}, skip {skipped} duplicates, reject {rejected}.',
  },
  'import.unmapped': {
    zh: '未使用的列:{columns}(如需导入,请用 --map "列名=字段")',
    en: 'columns not used: {columns} (to import one, --map "HEADER=FIELD")',
  },
  'import.progress': { zh: '导入中', en: 'importing' },
  'import.col_line': { zh: '行号', en: 'line' },
  'import.col_reason': { zh: '错误原因', en: 'reason' },
  'cli.import': { zh: '导入名片(CSV 各种格式、vCard;UTF-8/GB18030/UTF-16),自动去重', en: 'import business cards (CSV in any common layout, vCard; UTF-8/GB18030/UTF-16), without duplicates' },
  'cli.opt_import_source': { zh: '新客户的收集渠道(默认 trade-show 展会)', en: 'source of new customers (default trade-show)' },
  'cli.opt_event': { zh: '展会/活动名称', en: 'the trade show or event' },
  'cli.opt_event_date': { zh: '展会日期 YYYY-MM-DD', en: 'the date of the event, YYYY-MM-DD' },
  'cli.opt_import_owner': { zh: '新客户的负责人(默认自己)', en: 'owner of new customers (default: you)' },
  'cli.opt_map': { zh: '指定列含义:"表头=字段",可重复(字段:company name mobile phone email title …)', en: 'what a column means: "HEADER=FIELD", repeatable (company name mobile phone email title …)' },
  'cli.opt_profile': { zh: '使用已保存的列配置;与 --map 同用时保存', en: 'use a saved column mapping; with --map, save it under this name' },
  'cli.opt_encoding': { zh: '文件编码:auto utf8 gb18030 utf16', en: 'file encoding: auto utf8 gb18030 utf16' },
  'cli.opt_on_duplicate': { zh: '遇到重复:skip 跳过(默认),merge 只补空项,update 覆盖', en: 'on a duplicate: skip (default), merge (fill empty fields only), update (overwrite)' },
  'cli.opt_dry_run': { zh: '试运行:做完所有检查,但不保存', en: 'do everything but save' },
  'cli.opt_strict': { zh: '遇到第一个错误行即中止(不保存)', en: 'stop at the first bad row, saving nothing' },
  'cli.opt_errors': { zh: '把被拒绝的行及原因写入此 CSV 文件(Excel 可直接打开)', en: 'write the rejected rows and reasons to this CSV file (opens in Excel)' },
  'cli.access': { zh: '资料提取申请:request、approve、reject、revoke、list', en: 'data access requests: request, approve, reject, revoke, list' },
  'cli.access_request': { zh: '申请查阅职责范围以外的客户资料(资料提取申请单)', en: 'ask to read files outside your scope (资料提取申请单)' },
  'cli.access_approve': { zh: '批准申请(营销总监或总经理)', en: 'approve a request (marketing director or general manager)' },
  'cli.access_reject': { zh: '驳回申请(营销总监或总经理)', en: 'reject a request (marketing director or general manager)' },
  'cli.access_revoke': { zh: '撤销申请或已批准的授权', en: 'withdraw a request or revoke an approval' },
  'cli.access_list': { zh: '列出申请', en: 'list requests' },
  'cli.opt_access_customer': { zh: '申请查阅的客户编号', en: 'the customer to read' },
  'cli.opt_access_region': { zh: '申请查阅的区域', en: 'the region to read' },
  'cli.opt_access_line': { zh: '申请查阅的品项', en: 'the product line to read' },
  'cli.opt_access_purpose': { zh: '用途(必填)', en: 'purpose (required)' },
  'cli.opt_access_days': { zh: '有效天数(默认 7)', en: 'days the access lasts (default 7)' },
  'cli.opt_access_comment': { zh: '意见', en: 'comment' },
  'cli.opt_access_mine': { zh: '只列出我提交的', en: 'only mine' },
  'cli.opt_access_pending': { zh: '只列出待审批的', en: 'only pending ones' },
  'cli.log': { zh: '查阅记录(经理、总监、总经理、管理员)', en: 'the access log (managers, director, general manager, admin)' },
  'cli.opt_log_customer': { zh: '只看此客户', en: 'only this customer' },
  'cli.opt_log_staff': { zh: '只看此员工', en: 'only this staff member' },
  'cli.opt_log_since': { zh: '自此日期起 YYYY-MM-DD', en: 'since this date, YYYY-MM-DD' },
  'cli.opt_log_denied': { zh: '只看被拒绝的查阅', en: 'only refusals' },
  'cli.handover': { zh: '员工调离:移交其全部客户并停用账号,输出客户通知名单', en: 'a departing employee: hand over every customer, deactivate, print the notification list' },
  'cli.opt_handover_to': { zh: '接收人登录名(逗号分隔,可多人)', en: 'receiving staff logins (comma-separated)' },
  'cli.opt_handover_split': { zh: '多位接收人时的分配方式:even 平均,region 按区域', en: 'how to split between receivers: even, or by region' },
  'cli.opt_handover_notify': { zh: '把客户通知名单写入此 CSV 文件', en: 'write the customer notification list to this CSV file' },
  'cli.privacy': { zh: '个人信息权利(个人信息保护法):export、correct、erase', en: 'personal-information rights (PIPL): export, correct, erase' },
  'cli.privacy_export': { zh: '导出关于某联系人的全部个人信息(第45条)', en: 'everything held about a person (Art. 45)' },
  'cli.privacy_correct': { zh: '按本人要求更正个人信息(第46条)', en: "correct a person's data on request (Art. 46)" },
  'cli.privacy_erase': { zh: '按本人要求删除个人信息,保留公司交易记录(第47条)', en: "erase a person's data on request, keeping the trade records (Art. 47)" },
  'cli.opt_privacy_reason': { zh: '请求原因(记录在案)', en: 'the reason (recorded)' },
  'access.one_target': {
    zh: '请指定申请范围:--customer、--region、--product-line 三者之一(只能一个)。',
    en: 'say what you ask to read: exactly one of --customer, --region, --product-line.',
  },
  'access.needs_purpose': { zh: '缺少 --purpose:申请须写明用途(资料提取申请单)。', en: '--purpose is required: a request states what the data is for.' },
  'access.bad_days': { zh: '--days "{value}" 无效:有效天数为 1 到 {max} 天。', en: '--days "{value}" is not valid: access lasts 1 to {max} days.' },
  'access.bad_id': { zh: '"{id}"不是申请编号:请用 crm access list 查看。', en: '"{id}" is not a request id: see crm access list.' },
  'access.not_found': { zh: '没有编号为 {id} 的申请:请用 crm access list 查看。', en: 'there is no request {id}: see crm access list.' },
  'access.approver_only': {
    zh: '只有营销总监(director)或总经理(gm)可以审批资料提取申请(POLICY §6)。',
    en: 'only the marketing director or the general manager may decide data requests (POLICY §6).',
  },
  'access.own_request': { zh: '不能审批自己提交的申请:请由另一位总监或总经理审批。', en: 'you cannot decide your own request: another director or the GM must.' },
  'access.not_pending': { zh: '申请 {id} 已是"{status}"状态,不能再审批。', en: 'request {id} is already {status} and cannot be decided again.' },
  'access.not_open': { zh: '申请 {id} 是"{status}"状态,无需撤销。', en: 'request {id} is {status}: there is nothing to revoke.' },
  'access.requested': {
    zh: '已提交申请 {id},待营销总监或总经理审批(crm access list 查看进度)。',
    en: 'Request {id} filed; the marketing director or the GM will decide it (see crm access list).',
  },
  'access.approved': { zh: '已批准申请 {id},有效至 {until}。', en: 'Approved request {id}, valid until {until}.' },
  'access.rejected': { zh: '已驳回申请 {id}。', en: 'Rejected request {id}.' },
  'access.revoked': { zh: '已撤销申请 {id}。', en: 'Revoked request {id}.' },
  'access.none': { zh: '没有申请。', en: 'No requests.' },
  'access.col_id': { zh: '编号', en: 'ID' },
  'access.col_requester': { zh: '申请人', en: 'Requester' },
  'access.col_scope': { zh: '范围', en: 'Scope' },
  'access.col_purpose': { zh: '用途', en: 'Purpose' },
  'access.col_status': { zh: '状态', en: 'Status' },
  'access.col_until': { zh: '有效至', en: 'Until' },
  'access.status_pending': { zh: '待审批', en: 'pending' },
  'access.status_approved': { zh: '已批准', en: 'approved' },
  'access.status_rejected': { zh: '已驳回', en: 'rejected' },
  'access.status_revoked': { zh: '已撤销', en: 'revoked' },
  'log.denied': { zh: '只有经理、营销总监、总经理或管理员可以查看查阅记录。', en: 'only managers, the marketing director, the GM or the admin may read the access log.' },
  'log.bad_since': { zh: '--since "{value}" 不是有效日期:请写成 YYYY-MM-DD。', en: '--since "{value}" is not a real date: write YYYY-MM-DD.' },
  'log.empty': { zh: '没有查阅记录。', en: 'Nothing in the access log.' },
  'log.col_at': { zh: '时间', en: 'When' },
  'log.col_staff': { zh: '员工', en: 'Staff' },
  'log.col_customer': { zh: '客户', en: 'Customer' },
  'log.col_action': { zh: '操作', en: 'Action' },
  'log.col_basis': { zh: '依据', en: 'Basis' },
} satisfies Catalogue;

/** Every message; areas keep their own files (src/i18n/areas/) to stay readable. */
export const messages = { ...core, ...handoverMessages, ...privacyMessages };

export type MessageKey = keyof typeof messages;
