/** `pacer migrate`: brings the database schema up to this version of Pacer. */
import type { Command } from 'commander';
import type { Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { describeDatabase, withDatabase } from './context.ts';
import { appliedSchema } from './schema-version.ts';

export interface MigrateResult {
  before: number;
  after: number;
}

export async function runMigrations(database: Database): Promise<MigrateResult> {
  const before = (await appliedSchema(database.db)).count;
  await migrateDatabase(database);
  return { before, after: (await appliedSchema(database.db)).count };
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('创建或升级数据库结构 / create or upgrade the database schema')
    .action(async () => {
      await withDatabase(
        async (database) => {
          console.log(`数据库 Database: ${describeDatabase(database)}`);
          const { before, after } = await runMigrations(database);
          const applied = after - before;
          console.log(
            applied > 0
              ? `完成 Done: 应用了 ${applied} 个迁移，当前结构第 ${after} 版 (applied ${applied}, now at ${after}).`
              : `完成 Done: 已是最新，结构第 ${after} 版 (already up to date at ${after}).`,
          );
        },
        { migrate: false },
      );
    });
}
