/**
 * `pacer seed demo`: loads the fictional demo city. It never deletes anything: an empty
 * database takes the demo as is; with --force, a database that holds only accounts (say an
 * administrator created first with `pacer user add`) takes it beside them. Any business
 * data — regions, units, projects — makes it refuse, so demo projects never mix with real ones.
 */
import { ROLES } from '@pacer/domain';
import type { Command } from 'commander';
import type { Database, Db } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { seedDemo, type DemoResult } from '../seed/demo.ts';
import { describeCounts, tableCounts, type TableName } from './catalog.ts';
import { CliError, describeDatabase, withDatabase } from './context.ts';
import { formatTable } from './table.ts';

/** Tables that may hold rows when --force is given: accounts and what they leave behind. */
const ACCOUNT_TABLES: readonly TableName[] = ['users', 'sessions', 'audit_log'];

export interface SeedOptions {
  password: string;
  force?: boolean;
  /** Smaller cities for tests; the command always loads the full demo. */
  projectCount?: number;
  reports?: boolean;
}

export async function seedDemoCommand(database: Database, opts: SeedOptions): Promise<DemoResult> {
  const occupied = (await tableCounts(database.db)).filter((c) => c.rows > 0);
  if (occupied.length && !opts.force) {
    throw new CliError(
      `数据库已有数据（${describeCounts(occupied)}），未载入演示数据。演示数据只载入空数据库；` +
        `若只有账号（例如先用 pacer user add 建了管理员），可加 --force 保留这些账号并载入。`,
    );
  }
  const business = occupied.filter((c) => !ACCOUNT_TABLES.includes(c.table));
  if (business.length) {
    throw new CliError(
      `数据库已有业务数据（${describeCounts(business)}），即使加 --force 也不会把演示数据混进去，未做任何更改。` +
        `请换一个空数据库（新的 PACER_DATA_DIR，或新建的 PostgreSQL 库）。`,
    );
  }
  try {
    // One transaction: a clash half way (a demo username already taken) leaves nothing behind.
    return await database.db.transaction((tx) => seedDemo(tx as unknown as Db, { password: opts.password, projectCount: opts.projectCount, reports: opts.reports }));
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') throw new CliError(`演示账号与现有账号重名（${err.message}），未做任何更改。`);
    throw err;
  }
}

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('载入示例数据 / load sample data');
  seed
    .command('demo')
    .description('向空数据库载入演示城市（湘潭市）/ load the demo city into an empty database')
    .option('--force', '库中只有账号时也载入（从不删除数据）/ load beside existing accounts (never deletes)')
    .action(async (opts: { force?: boolean }) => {
      await withDatabase(async (database, config) => {
        const password = config.PACER_DEMO_PASSWORD;
        const demo = await seedDemoCommand(database, { password, force: opts.force });
        console.log(`已载入演示数据 Demo city loaded: 湘潭市，${demo.projects} 个项目 projects，${demo.reports} 份进度填报 progress reports → ${describeDatabase(database)}`);
        console.log(`演示账号 Demo accounts（密码 password: ${password}，可用 PACER_DEMO_PASSWORD 指定）:`);
        const rows = demo.accounts.map((a) => [a.username, `${ROLES.label(a.role)} ${a.role}`, a.displayName]);
        console.log(formatTable(['用户名 username', '角色 role', '姓名 name'], rows));
      });
    });
}
