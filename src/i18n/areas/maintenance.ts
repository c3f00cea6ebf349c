// Messages of backup, restore, doctor and the database's own safety (see messages.ts).
import type { Catalogue } from '../messages.js';

export const maintenanceMessages = {
  'cli.backup': {
    zh: '在线备份数据库到文件（其他人可继续工作；备份经完整性检查后才算成功）',
    en: 'copy the database to a file while others keep working (checked with integrity_check before success)',
  },
  'cli.opt_backup_force': { zh: '覆盖已存在的备份文件', en: 'replace an existing backup file' },
  'cli.restore': {
    zh: '用备份文件替换当前数据库（先校验；原数据库另存为带时间的副本）',
    en: 'replace the database by a backup (validated first; the previous one is kept as a timestamped copy)',
  },
  'cli.doctor': {
    zh: '检查数据库：完整性、外键、设置、结构版本、文件权限、WAL 大小',
    en: 'check the database: integrity, foreign keys, settings, schema version, file permissions, WAL size',
  },

  'db.damaged': {
    zh: '数据库 {path} 已损坏，未写入任何内容：请运行 crm doctor 查看，再用 crm restore 备份文件 恢复。',
    en: 'the database {path} is damaged; nothing was written: run crm doctor for details, then crm restore BACKUP.',
  },
  'maintenance.copy_damaged': {
    zh: '{path} 未通过完整性检查（{detail}）：该文件不能用作备份。',
    en: '{path} fails integrity_check ({detail}): it cannot serve as a backup.',
  },

  'maintenance.copy_not_crm': {
    zh: '{path} 不是 crm 数据库（文件损坏或是其他程序的文件），不能用来恢复：请选用 crm backup 生成的文件。',
    en: "{path} is not a crm database (damaged, or another program's file), so it cannot be restored: pick a file made by crm backup.",
  },
  'backup.not_allowed': {
    zh: '只有管理员和资料管理员可以备份：备份是全部客户资料的副本。',
    en: 'only an administrator or the records clerk may back up: a backup is a copy of every customer file.',
  },
  'backup.exists': {
    zh: '{path} 已存在：请换一个文件名，或加 --force 覆盖。',
    en: '{path} already exists: choose another name, or pass --force to replace it.',
  },
  'backup.no_dir': {
    zh: '目录 {dir} 不存在：请先创建该目录，或换一个位置。',
    en: 'the directory {dir} does not exist: create it first, or choose another place.',
  },
  'backup.no_file': {
    zh: '缺少备份文件名：请给出备份文件名，例如 crm backup /srv/backup/crm-2026-11-23.db。',
    en: 'no file given: name the backup file, e.g. crm backup /srv/backup/crm-2026-11-23.db.',
  },
  'backup.is_directory': {
    zh: '{path} 是一个目录：请给出其中的备份文件名，例如 {example}。',
    en: '{path} is a directory: name the backup file inside it, e.g. {example}.',
  },
  'backup.not_regular': {
    zh: '{path} 不是普通文件（设备、管道或套接字）：备份不会覆盖它，即使加 --force；请换一个文件名。',
    en: '{path} is not a regular file (a device, pipe or socket): a backup never replaces one, even with --force; choose another file name.',
  },
  'backup.same_file': {
    zh: '备份文件不能是数据库本身（{path}）：请换一个文件名。',
    en: 'the backup cannot be the database itself ({path}): choose another file name.',
  },
  'backup.done': {
    zh: '已备份到 {path}：{customers} 个客户，{mb} MB，结构版本 {version}，完整性检查通过。',
    en: 'backed up to {path}: {customers} customers, {mb} MB, schema version {version}, integrity_check ok.',
  },

  'restore.missing': {
    zh: '备份文件 {path} 不存在：请检查路径。',
    en: 'there is no backup file {path}: check the path.',
  },
  'restore.is_directory': {
    zh: '{path} 是一个目录：请指定其中的备份文件。',
    en: '{path} is a directory: name the backup file in it.',
  },
  'restore.same_file': {
    zh: '{path} 就是当前数据库：请指定一个备份文件。',
    en: '{path} is the database itself: name a backup file.',
  },
  'restore.admin_only': {
    zh: '只有管理员可以恢复数据库：恢复会替换全部资料。',
    en: 'only an administrator may restore: a restore replaces every record.',
  },
  'restore.done': {
    zh: '已从 {from} 恢复：{customers} 个客户，结构版本 {version}。',
    en: 'restored from {from}: {customers} customers, schema version {version}.',
  },
  'restore.previous': {
    zh: '原数据库已另存为 {path}。',
    en: 'the previous database is kept as {path}.',
  },

  'doctor.check_permissions': { zh: '文件权限', en: 'file permissions' },
  'doctor.check_open': { zh: '打开文件', en: 'opening the file' },
  'doctor.check_crm_file': { zh: 'crm 数据库标识', en: 'crm database' },
  'doctor.check_schema_version': { zh: '结构版本', en: 'schema version' },
  'doctor.check_settings': { zh: '连接设置', en: 'settings' },
  'doctor.check_integrity': { zh: '完整性（integrity_check）', en: 'integrity_check' },
  'doctor.check_foreign_keys': { zh: '外键（foreign_key_check）', en: 'foreign_key_check' },
  'doctor.check_schema': { zh: '表、索引与触发器', en: 'tables, indexes and triggers' },
  'doctor.check_wal': { zh: 'WAL 文件大小', en: 'WAL size' },
  'doctor.version_older': {
    zh: '{version}（当前为 {supported}，下次运行命令时自动升级）',
    en: '{version} (current {supported}; upgraded by the next command)',
  },
  'doctor.version_newer': {
    zh: '{version}：比本程序支持的 {supported} 新，请升级 crm',
    en: '{version}: newer than {supported}, which this crm supports; upgrade crm',
  },
  'backup.copying': { zh: '正在复制并检查完整性', en: 'copying and checking integrity' },
  'restore.checking': { zh: '正在检查备份文件', en: 'checking the backup' },
  'restore.staging': { zh: '正在准备恢复', en: 'preparing the restore' },
  'doctor.checking': { zh: '正在检查完整性（大文件需要一些时间）', en: 'checking integrity (a large file takes a while)' },
  'doctor.not_a_database': { zh: '不是 SQLite 数据库文件（可能已严重损坏）', en: 'not a SQLite database file (or damaged beyond reading)' },
  'doctor.damaged': { zh: '数据库文件已损坏（SQLite：{message}）', en: 'the file is damaged (SQLite: {message})' },
  'doctor.not_crm': { zh: '不是 crm 数据库', en: 'not a crm database' },
  'doctor.open_permissions': {
    zh: '{files} 对其他用户开放：请执行 chmod o-rwx',
    en: '{files} open to other users: run chmod o-rwx on them',
  },
  'doctor.wal_checkpointed': { zh: '{before} MB，已检查点写回，现为 {after} MB', en: '{before} MB, checkpointed to {after} MB' },
  'doctor.wal_busy': {
    zh: '{mb} MB，有读者在用，未能检查点写回：稍后再运行 crm doctor',
    en: '{mb} MB and readers kept it from being checkpointed: run crm doctor again later',
  },
  'doctor.failed': {
    zh: '数据库检查发现 {n} 个问题（见上）：损坏时请用 crm restore 备份文件 恢复。',
    en: 'the database check found {n} problem(s), listed above: if it is damaged, crm restore BACKUP.',
  },
} satisfies Catalogue;
