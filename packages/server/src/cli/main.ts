/**
 * The `pacer` administration command. Each command group lives in its own file and opens the
 * database itself (see context.ts), which it always closes, so the process ends on its own.
 * Errors a person can act on print as one Chinese message and exit code 1; anything else
 * is a bug and keeps its stack.
 */
import { Command } from 'commander';
import { registerBackup } from './backup.ts';
import { registerExport } from './exports.ts';
import { registerImport } from './imports.ts';
import { PACER_VERSION, knownErrorMessage } from './context.ts';
import { registerMigrate } from './migrate.ts';
import { registerRestore } from './restore.ts';
import { registerSeed } from './seed.ts';
import { registerStats } from './stats.ts';
import { registerUsers } from './users.ts';
import { boundHeapGrowth } from '../memory.ts';

const TITLES: Record<string, string> = {
  'Usage:': '用法 Usage:',
  'Options:': '选项 Options:',
  'Commands:': '命令 Commands:',
  'Arguments:': '参数 Arguments:',
  'Global Options:': '全局选项 Global options:',
};

const ENVIRONMENT = `
环境变量 Environment:
  PACER_DATA_DIR       内嵌数据库目录（默认 ./data）/ embedded PGlite data directory
  DATABASE_URL         改用 PostgreSQL，如 postgres://user:pass@host:5432/pacer / use a PostgreSQL server
  PACER_PASSWORD       pacer user add 的密码 / password for pacer user add
  PACER_DEMO_PASSWORD  演示账号密码（默认 pacer2026）/ password of the demo accounts

示例 Examples:
  pacer migrate
  pacer user add --username zhangsan --name 张三 --role owner --org "湘潭某某有限公司"
  pacer backup pacer-2026-05-01.sql
  pacer stats --year 2026 --as-of 2026-06-30 --group-by region --format json
  pacer board --week 2026-11-16 --format json
  pacer import 2022年1-3月重点项目进度.xlsx --dry-run
  pacer export projects --region 430302 --out 雨湖区项目.xlsx
  DATABASE_URL=postgres://… pacer restore pacer-2026-05-01.sql`;

export function buildProgram(): Command {
  const program = new Command()
    .name('pacer')
    .description('领跑 Pacer 管理命令：数据库、账号、备份与恢复\nPacer administration: database, accounts, backup and restore')
    .version(PACER_VERSION, '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
    .showHelpAfterError('（用 pacer --help 查看用法 / run pacer --help for usage）')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .addHelpText('after', ENVIRONMENT);
  // Commands created from here on inherit the bilingual help settings above.
  registerMigrate(program);
  registerSeed(program);
  registerUsers(program);
  registerBackup(program);
  registerRestore(program);
  registerStats(program);
  registerImport(program);
  registerExport(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  // A large `pacer import` or `restore` keeps its memory near what it uses, as the server does.
  boundHeapGrowth();
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    const message = knownErrorMessage(err);
    if (message) console.error(`\n错误 Error: ${message}\n`);
    else console.error(err);
    // exitCode rather than exit(): the database is closed by now, and output still flushes.
    process.exitCode = 1;
  }
}

await main(process.argv);
