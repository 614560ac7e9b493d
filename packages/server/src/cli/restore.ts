/**
 * `pacer restore FILE`: loads a backup into this database, all or nothing.
 * Pass one reads the whole file and checks it (structure, row counts, checksum) before
 * anything is touched; pass two loads it in one transaction that also empties the tables
 * (with --force) and verifies the counts, so any failure leaves the database as it was.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { SQL } from 'drizzle-orm';
import { queryRows, sql, type Database, type Db } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { TABLES_IN_ORDER } from '../db/schema.ts';
import { describeCounts, existingTables, qualified, tableColumns, tableCounts, type TableCount, type TableName } from './catalog.ts';
import { CliError, describeDatabase, withDatabase } from './context.ts';
import { readDump, scanDump, type DumpHeader } from './dump-format.ts';
import { appliedSchema, migrateUpTo, shippedMigrations } from './schema-version.ts';
import { formatTable } from './table.ts';

/** Bound parameters per INSERT: well under PostgreSQL's 65 535 limit. */
const PARAMS_PER_INSERT = 8000;

export interface RestoreResult {
  header: DumpHeader;
  counts: TableCount[];
}

export async function restoreBackup(database: Database, file: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const db = database.db;
  // Cheap refusal first, before reading what may be a large file.
  if (!opts.force) refuseIfOccupied(await tableCounts(db));
  const dump = await scanDump(file);
  const { header } = dump;
  await bringSchemaTo(database, header);

  const counts = await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    // Checked again inside the transaction: the server may have written since.
    const before = await tableCounts(tx);
    if (!opts.force) refuseIfOccupied(before);
    else if (before.some((c) => c.rows > 0)) {
      await tx.execute(sql`truncate table ${sql.join(before.map((c) => qualified(c.table)), sql`, `)}`);
    }
    await loadRows(tx, file);
    const after = await tableCounts(tx);
    for (const t of dump.tables) {
      const got = after.find((c) => c.table === t.table)?.rows;
      if (got !== t.rows) throw new CliError(`恢复后核对失败：表 ${t.table} 应有 ${t.rows} 行，实际 ${got ?? 0} 行。已撤销，数据库未改动。`);
    }
    await resetSequences(tx);
    return after.filter((c) => dump.tables.some((t) => t.table === c.table));
  });

  // A backup from an older schema was loaded into that schema; now bring it up to date.
  if (header.schemaCount < shippedMigrations().length) await migrateDatabase(database);
  return { header, counts };
}

function refuseIfOccupied(counts: TableCount[]): void {
  const occupied = counts.filter((c) => c.rows > 0);
  if (occupied.length) {
    throw new CliError(
      `目标数据库已有数据（${describeCounts(occupied)}），未做任何更改。` +
        `恢复会用备份替换全部数据：确认无误后加 --force 重试（建议先用 pacer backup 备份现有数据）。`,
    );
  }
}

/**
 * Data must go into the schema it was dumped from. A fresh target is migrated up to the
 * backup's migration and upgraded after loading; a target already past it is refused.
 */
async function bringSchemaTo(database: Database, header: DumpHeader): Promise<void> {
  const shipped = shippedMigrations();
  if (header.schemaCount > shipped.length || shipped[header.schemaCount - 1]!.hash !== header.schemaLastHash) {
    throw new CliError(
      `备份来自更新或不同版本的 Pacer（数据库结构第 ${header.schemaCount} 版，备份程序 ${header.pacerVersion}），` +
        `本程序只认识到第 ${shipped.length} 版。请先升级 Pacer 再恢复。未做任何更改。`,
    );
  }
  const target = await appliedSchema(database.db);
  if (target.count > 0 && shipped[target.count - 1]?.hash !== target.lastHash) {
    throw new CliError('目标数据库的结构与本版本 Pacer 不符（迁移记录对不上），未做任何更改。');
  }
  if (target.count > header.schemaCount) {
    throw new CliError(
      `目标数据库的结构（第 ${target.count} 版）比备份（第 ${header.schemaCount} 版）新，不能直接载入旧结构的数据。` +
        `请恢复到一个新建的空数据库（新的 PACER_DATA_DIR，或新建的 PostgreSQL 库）：会先按备份的结构建表，载入后再升级。未做任何更改。`,
    );
  }
  await migrateUpTo(database, header.schemaCount);
}

/** Pass two: streams the rows into batched INSERTs, every value cast from its text form. */
async function loadRows(tx: Db, file: string): Promise<void> {
  const known = new Set<string>(await existingTables(tx));
  let insert: ((rows: (string | null)[][]) => SQL) | undefined;
  let batchSize = 1;
  let batch: (string | null)[][] = [];
  const flush = async () => {
    if (batch.length) await tx.execute(insert!(batch));
    batch = [];
  };
  for await (const event of readDump(file)) {
    if (event.kind === 'table') {
      await flush();
      if (!known.has(event.table)) throw new CliError(`备份中的表 ${event.table} 在本数据库中不存在，已撤销。`);
      insert = await insertFor(tx, event.table as TableName, event.columns);
      batchSize = Math.max(1, Math.floor(PARAMS_PER_INSERT / event.columns.length));
    } else if (event.kind === 'row') {
      batch.push(event.values);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
}

async function insertFor(tx: Db, table: TableName, columns: string[]) {
  const types = new Map((await tableColumns(tx, table)).map((c) => [c.name, c.type]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length) throw new CliError(`表 ${table} 没有备份中的列 ${missing.join('、')}，已撤销。`);
  // Through text first: the parameter is then plain text for both drivers, and the column
  // type's own input function parses it exactly as COPY would.
  const casts = columns.map((c) => sql.raw(`::text::${types.get(c)}`));
  const head = sql.raw(`insert into public.${table} (${columns.map((c) => `"${c}"`).join(', ')}) values `);
  return (rows: (string | null)[][]) =>
    sql.join([head, sql.join(rows.map((r) => sql`(${sql.join(r.map((v, i) => sql`${v}${casts[i]}`), sql`, `)})`), sql`, `)]);
}

/** Serial or identity columns would otherwise hand out numbers that the restored rows hold. */
async function resetSequences(tx: Db): Promise<void> {
  for (const table of TABLES_IN_ORDER) {
    const serials = await queryRows<{ col: string; seq: string }>(
      tx,
      sql`select a.attname as col, pg_get_serial_sequence(${`public.${table}`}::text, a.attname) as seq
          from pg_attribute a
          where a.attrelid = to_regclass(${`public.${table}`}::text) and a.attnum > 0 and not a.attisdropped
            and pg_get_serial_sequence(${`public.${table}`}::text, a.attname) is not null`,
    );
    for (const s of serials) {
      await tx.execute(sql`select setval(${s.seq}::text::regclass, coalesce((select max(${sql.identifier(s.col)}) from ${qualified(table)}), 0) + 1, false)`);
    }
  }
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('从备份文件恢复全部数据（全部成功或全部不变）/ restore all data from a backup file, all or nothing')
    .argument('<file>', '由 pacer backup 生成的文件 / a file written by pacer backup')
    .option('--force', '目标库已有数据时先清空再恢复 / replace the data in a non-empty database')
    .action(async (file: string, opts: { force?: boolean }) => {
      // Before opening the database, which would create an empty data directory for nothing.
      if (!fs.existsSync(file)) throw new CliError(`找不到备份文件 ${file}`);
      await withDatabase(
        async (database) => {
          const { header, counts } = await restoreBackup(database, file, opts);
          console.log(`已恢复 Restored: ${file} → ${describeDatabase(database)}`);
          console.log(`备份时间 taken ${header.createdAt}，来源 from ${header.source}，Pacer ${header.pacerVersion}`);
          console.log(formatTable(['表 table', '行数 rows'], counts.map((c) => [c.table, String(c.rows)]), { right: [1] }));
          console.log('各表行数与备份一致。Row counts match the backup.');
        },
        { migrate: false },
      );
    });
}
