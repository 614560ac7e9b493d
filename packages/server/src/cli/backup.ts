/**
 * `pacer backup FILE`: a logical dump (see dump-format.ts) that reads the same from PGlite
 * and from a PostgreSQL server, so it can also move a city's data between the two.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { queryRows, sql, type Database, type Db } from '../db/client.ts';
import { primaryKeyColumns, qualified, SIMPLE_NAME, tableColumns, existingTables, unlistedTables, type TableCount } from './catalog.ts';
import { CliError, PACER_VERSION, describeDatabase, withDatabase } from './context.ts';
import { END_MARKER, encodeField, headerLines } from './dump-format.ts';
import { appliedSchema } from './schema-version.ts';
import { formatTable } from './table.ts';

/** Rows fetched per round trip: large enough to be quick, small enough to keep memory flat. */
const PAGE_ROWS = 1000;

export interface BackupResult {
  file: string;
  bytes: number;
  counts: TableCount[];
}

export async function writeBackup(database: Database, file: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  if (fs.existsSync(file) && !opts.force) throw new CliError(`文件 ${file} 已存在；换一个文件名，或加 --force 覆盖。`);
  const schema = await appliedSchema(database.db);
  if (schema.count === 0) throw new CliError('数据库尚未初始化（没有迁移记录），没有可备份的数据。请先运行 pacer migrate。');
  const unlisted = await unlistedTables(database.db);
  if (unlisted.length) {
    // A table the backup does not know would be silently left out: refuse instead.
    throw new CliError(`数据库中有未列入 TABLES_IN_ORDER 的表：${unlisted.join('、')}。备份会漏掉它们，已停止。`);
  }

  // Write beside the target and rename at the end, so a failed run never leaves a file
  // that looks like a finished backup (or clobbers the previous one).
  const partial = `${file}.partial-${process.pid}`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  let streamError: Error | undefined;
  out.on('error', (err) => (streamError = err));
  const hash = createHash('sha256');
  const emit = async (text: string) => {
    if (streamError) throw streamError;
    hash.update(text);
    if (!out.write(text)) await once(out, 'drain');
  };

  try {
    const header = {
      pacerVersion: PACER_VERSION,
      createdAt: new Date().toISOString(),
      source: `${database.kind} ${database.location}`,
      schemaCount: schema.count,
      schemaLastHash: schema.lastHash,
    };
    await emit(headerLines(header).map((l) => `${l}\n`).join(''));
    // One read-only snapshot, so a server writing meanwhile cannot make the tables disagree.
    const counts = await database.db.transaction(
      async (tx) => {
        // Text output of dates and timestamps then reads back identically on any server.
        await tx.execute(sql`set local timezone = 'UTC'`);
        await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
        const result: TableCount[] = [];
        for (const table of await existingTables(tx as unknown as Db)) {
          result.push({ table, rows: await copyTable(tx as unknown as Db, table, emit) });
        }
        return result;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await emit('COMMIT;\n');
    await emit(counts.map((c) => `-- rows ${c.table} ${c.rows}\n`).join(''));
    const trailer = `-- sha256 ${hash.digest('hex')}\n${END_MARKER}\n`;
    if (!out.write(trailer)) await once(out, 'drain');
    out.end();
    await finished(out);
    if (streamError) throw streamError;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, counts };
  } catch (err) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Writes one table as a COPY block, paging through a cursor in primary-key order. */
async function copyTable(db: Db, table: TableCount['table'], emit: (text: string) => Promise<void>): Promise<number> {
  const columns = await tableColumns(db, table);
  const bad = columns.find((c) => !SIMPLE_NAME.test(c.name));
  if (bad) throw new CliError(`表 ${table} 的列名 ${bad.name} 不是简单标识符，备份格式不支持。`);
  const key = await primaryKeyColumns(db, table);
  // Every value as its text form, so bigint money, dates, arrays and jsonb are not altered.
  // Quoted: a simple name may still be a reserved word ("column", "on").
  const select = columns.map((c, i) => `"${c.name}"::text as c${i}`).join(', ');
  const order = key.length ? ` order by ${key.map((k) => `"${k}"`).join(', ')}` : '';
  await emit(`\nCOPY public.${table} (${columns.map((c) => c.name).join(', ')}) FROM stdin;\n`);
  await db.execute(sql`declare pacer_backup no scroll cursor for select ${sql.raw(select)} from ${qualified(table)}${sql.raw(order)}`);
  let rows = 0;
  for (;;) {
    const page = await queryRows<Record<string, string | null>>(db, sql.raw(`fetch forward ${PAGE_ROWS} from pacer_backup`));
    if (!page.length) break;
    rows += page.length;
    await emit(page.map((r) => columns.map((_, i) => encodeField(r[`c${i}`] ?? null)).join('\t') + '\n').join(''));
  }
  await db.execute(sql`close pacer_backup`);
  await emit('\\.\n');
  return rows;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份全部数据到一个 SQL 文件 / back up all data to a SQL file (PGlite or PostgreSQL)')
    .argument('<file>', '备份文件路径 / path of the backup file')
    .option('--force', '覆盖已存在的文件 / overwrite an existing file')
    .action(async (file: string, opts: { force?: boolean }) => {
      await withDatabase(
        async (database) => {
          const result = await writeBackup(database, file, opts);
          console.log(`已备份 Backed up: ${describeDatabase(database)} → ${result.file}（${(result.bytes / 1024).toFixed(1)} KiB）`);
          console.log(formatTable(['表 table', '行数 rows'], result.counts.map((c) => [c.table, String(c.rows)]), { right: [1] }));
          console.log('文件含账号密码哈希，请妥善保管。The file contains password hashes: keep it private.');
        },
        { migrate: false },
      );
    });
}
