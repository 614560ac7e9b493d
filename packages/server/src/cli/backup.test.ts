/**
 * Backup and restore round trips: what comes back must equal, as text, what went in, on
 * PGlite, on PostgreSQL, and moving from one to the other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { openDatabase, queryRows, sql, type Database, type Db } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { TABLES_IN_ORDER } from '../db/schema.ts';
import { seedDemo } from '../seed/demo.ts';
import { writeBackup } from './backup.ts';
import { unlistedTables } from './catalog.ts';
import { restoreBackup } from './restore.ts';
import { dumpBody, snapshot, tempDir } from './testing.ts';

/** Child processes and PGlite seeding take long on a busy machine: generous, not endless. */
const SLOW = 120_000;

const onPostgres = !!process.env.DATABASE_URL;
const dir = tempDir();
const opened: { drop(): Promise<void> }[] = [];

async function fresh(): Promise<Database> {
  const t: TestDatabase = await freshDatabase();
  opened.push(t);
  return t.database;
}

const AWKWARD_NAME = '制表\t换行\n反斜杠\\ 回车\r 结束';
const AWKWARD_LEVELS = '{"a,b","x\\"y","{z}",NULL,"back\\\\slash"}';

/** Demo data plus the values a text format most easily gets wrong. */
async function seedAwkward(db: Db): Promise<void> {
  await seedDemo(db, { password: 'pacer2026', projectCount: 24 });
  await db.transaction(async (tx) => {
    await tx.execute(sql`update projects set
        name = ${AWKWARD_NAME},
        description = ${'\\N'},
        contact_name = '',
        levels = ${AWKWARD_LEVELS}::text::text[],
        total_investment_yuan = 9223372036854775807,
        latitude = 0.1::float8 + 0.2::float8,
        longitude = -0.0,
        created_at = '2026-03-04 05:06:07.123456+08'
      where id = (select id from projects order by id limit 1)`);
    await tx.execute(sql`update campaigns set starts_on = '2000-02-29', ends_on = '0044-03-15 BC'
      where id = (select id from campaigns order by id limit 1)`);
    await tx.execute(sql`insert into audit_log (action, entity, entity_id, data, at) values
      ('update', 'project', 'x', ${JSON.stringify({ msg: '引号"与\\反斜杠\t制表', n: 1.5e300, emoji: '😀', nested: [null, true, { a: [] }] })}::jsonb,
       '1999-12-31 23:59:59.999999-12')`);
  });
}

let source: Database;
let sourceFile: string;
beforeAll(async () => {
  source = await fresh();
  await seedAwkward(source.db);
  sourceFile = path.join(dir, 'source.sql');
  await writeBackup(source, sourceFile);
});

afterAll(async () => {
  for (const t of opened.reverse()) await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup', { timeout: SLOW }, () => {
  it('writes a readable SQL file with a header, one COPY block per table and a trailer', () => {
    const text = fs.readFileSync(sourceFile, 'utf8');
    expect(text).toMatch(/^-- Pacer 领跑 数据备份/);
    expect(text).toMatch(/^-- schema-migrations: \d+$/m);
    expect(text).toMatch(/^BEGIN;$/m);
    expect(text).toMatch(/^COPY public\.projects \(id, code, name, /m);
    expect(text).toMatch(/^-- rows projects 24$/m);
    expect(text).toMatch(/9223372036854775807/);
    expect(text.trimEnd().endsWith('-- end of Pacer backup')).toBe(true);
    expect(fs.statSync(sourceFile).mode & 0o777).toBe(0o600); // it holds password hashes
  });

  it('refuses to overwrite an existing file unless told to', async () => {
    await expect(writeBackup(source, sourceFile)).rejects.toThrow(/已存在/);
    const copy = path.join(dir, 'again.sql');
    fs.writeFileSync(copy, 'old');
    await writeBackup(source, copy, { force: true });
    expect(dumpBody(copy)).toBe(dumpBody(sourceFile));
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('knows every table, parents before children (TABLES_IN_ORDER)', async () => {
    // A table added without listing it would make every backup refuse; listed after a child,
    // restore would break its foreign key. Either way this names the table to fix.
    expect(await unlistedTables(source.db)).toEqual([]);
    const links = await queryRows<{ child: string; parent: string }>(
      source.db,
      sql`select (select relname from pg_class where oid = c.conrelid) as child, (select relname from pg_class where oid = c.confrelid) as parent
          from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
    );
    const order: readonly string[] = TABLES_IN_ORDER;
    const backwards = links.filter((l) => l.child !== l.parent && order.indexOf(l.parent) > order.indexOf(l.child));
    expect(backwards).toEqual([]);
  });

  it('refuses when the database has a table the backup does not know', async () => {
    await source.db.execute(sql`create table stray (id int primary key)`);
    try {
      await expect(writeBackup(source, path.join(dir, 'stray.sql'))).rejects.toThrow(/stray/);
      expect(fs.existsSync(path.join(dir, 'stray.sql'))).toBe(false);
    } finally {
      await source.db.execute(sql`drop table stray`);
    }
  });
});

describe('restore', { timeout: SLOW }, () => {
  it('brings back every row of every table exactly, and backs up again identically', async () => {
    const target = await fresh();
    const result = await restoreBackup(target, sourceFile);
    expect(result.counts.find((c) => c.table === 'projects')?.rows).toBe(24);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    const again = path.join(dir, 'again-from-target.sql');
    await writeBackup(target, again);
    expect(dumpBody(again)).toBe(dumpBody(sourceFile));
  });

  it('restores the awkward values unchanged', async () => {
    const target = await fresh();
    await restoreBackup(target, sourceFile);
    const { rows } = (await target.db.execute(
      sql`select name, description, contact_name, levels::text, total_investment_yuan::text as total, latitude::text as lat
          from projects where total_investment_yuan = 9223372036854775807`,
    )) as unknown as { rows: Record<string, string>[] };
    expect(rows[0]).toEqual({
      name: AWKWARD_NAME,
      description: '\\N',
      contact_name: '',
      levels: AWKWARD_LEVELS,
      total: '9223372036854775807',
      lat: '0.30000000000000004',
    });
  });

  it.runIf(onPostgres)('moves a city from PGlite to PostgreSQL and back', async () => {
    const lite = await openDatabase({});
    opened.push({ drop: () => lite.close() });
    await migrateDatabase(lite);
    await seedAwkward(lite.db);
    const fromLite = path.join(dir, 'from-pglite.sql');
    await writeBackup(lite, fromLite);
    expect(fs.readFileSync(fromLite, 'utf8')).toMatch(/^-- source: pglite memory$/m);

    const server = await fresh();
    await restoreBackup(server, fromLite);
    expect(await snapshot(server.db)).toEqual(await snapshot(lite.db));

    const fromServer = path.join(dir, 'from-postgres.sql');
    await writeBackup(server, fromServer);
    const liteAgain = await openDatabase({});
    opened.push({ drop: () => liteAgain.close() });
    await restoreBackup(liteAgain, fromServer);
    expect(await snapshot(liteAgain.db)).toEqual(await snapshot(lite.db));
  });

  const hasPsql = spawnSync('psql', ['--version']).status === 0;
  it.runIf(onPostgres && hasPsql)('is plain SQL that psql -f loads into a migrated database', async () => {
    const target = await fresh();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = new URL(target.location).pathname;
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', url.toString(), '-f', sourceFile], { stdio: 'pipe' });
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });
});
