/**
 * Restore refuses what it cannot load completely — an occupied target, a damaged or
 * truncated file, a newer schema — and in every case leaves the target as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.ts';
import { sql, type Database } from '../db/client.ts';
import { seedDemo } from '../seed/demo.ts';
import { writeBackup } from './backup.ts';
import { tableCounts } from './catalog.ts';
import { restoreBackup } from './restore.ts';
import { appliedSchema, migrateUpTo, shippedMigrations } from './schema-version.ts';
import { editDump, snapshot, tempDir } from './testing.ts';

/** Child processes and PGlite seeding take long on a busy machine: generous, not endless. */
const SLOW = 120_000;

const dir = tempDir();
const drops: (() => Promise<void>)[] = [];
async function fresh(): Promise<Database> {
  const t = await freshDatabase();
  drops.push(t.drop);
  return t.database;
}

let good: string;
/** A database holding other data, restored into with --force in the tests below. */
let occupied: Database;
let occupiedBefore: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const source = await fresh();
  await seedDemo(source.db, { password: 'pacer2026', projectCount: 12 });
  good = path.join(dir, 'good.sql');
  await writeBackup(source, good);
  occupied = await fresh();
  await seedDemo(occupied.db, { password: 'other-pass1', projectCount: 5, reports: false });
  occupiedBefore = await snapshot(occupied.db);
});

afterAll(async () => {
  for (const drop of drops.reverse()) await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the good backup, changed by `change`. */
function variant(name: string, change: (text: string) => string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, change(fs.readFileSync(good, 'utf8')));
  return file;
}

async function expectUntouched(): Promise<void> {
  expect(await snapshot(occupied.db)).toEqual(occupiedBefore);
}

const isEmpty = async (db: Database) => (await tableCounts(db.db)).every((c) => c.rows === 0);

describe('restore refuses', { timeout: SLOW }, () => {
  it('a database that already has data, unless --force', async () => {
    await expect(restoreBackup(occupied, good)).rejects.toThrow(/目标数据库已有数据（regions \d+ 行.*--force/);
    await expectUntouched();
  });

  it('a truncated file, before touching anything', async () => {
    const cut = variant('cut.sql', (t) => t.slice(0, Math.floor(t.length * 0.6)));
    await expect(restoreBackup(occupied, cut, { force: true })).rejects.toThrow(/文件不完整/);
    await expectUntouched();
    const empty = await fresh();
    await expect(restoreBackup(empty, cut)).rejects.toThrow(/文件不完整/);
    const noTrailer = variant('no-trailer.sql', (t) => t.slice(0, t.indexOf('\nCOMMIT;') + 1));
    await expect(restoreBackup(empty, noTrailer)).rejects.toThrow(/文件不完整/);
    // Cut right after a backslash (of a null, \N): the last value ends inside an escape.
    const inEscape = variant('in-escape.sql', (t) => t.slice(0, t.indexOf('\t\\N', Math.floor(t.length / 2)) + 2));
    await expect(restoreBackup(empty, inEscape)).rejects.toThrow(/文件不完整/);
    expect(await isEmpty(empty)).toBe(true);
  });

  it('a file changed after it was written (checksum)', async () => {
    const flipped = variant('flipped.sql', (t) => t.replace('430300\t湘潭市', '430300\t湘乡市'));
    await expect(restoreBackup(occupied, flipped, { force: true })).rejects.toThrow(/校验和不符/);
    await expectUntouched();
  });

  it('a row with the wrong number of values, naming the line', async () => {
    const file = path.join(dir, 'short-row.sql');
    fs.copyFileSync(good, file);
    editDump(file, (lines) => lines.map((l) => (l.startsWith('430300\t') ? l.split('\t').slice(0, 3).join('\t') : l)));
    await expect(restoreBackup(occupied, file, { force: true })).rejects.toThrow(/第 \d+ 行：表 regions 的一行有 3 个值，应为 5 个/);
    await expectUntouched();
  });

  it('a well-formed file the database rejects: the emptied tables come back (one transaction)', async () => {
    const file = path.join(dir, 'bad-value.sql');
    fs.copyFileSync(good, file);
    // A valid checksum over an invalid uuid: only PostgreSQL can find this, late in the load.
    editDump(file, (lines) => {
      const at = lines.map((l) => /^[0-9a-f-]{36}\t/.test(l)).lastIndexOf(true);
      lines[at] = lines[at]!.replace(/^[0-9a-f-]{36}/, 'not-a-uuid');
      return lines;
    });
    await expect(restoreBackup(occupied, file, { force: true })).rejects.toThrow(/uuid/i);
    await expectUntouched();
  });

  it('something that is not a Pacer backup at all', async () => {
    const other = variant('other.sql', () => 'select 1;\n');
    await expect(restoreBackup(occupied, other, { force: true })).rejects.toThrow(/不像 Pacer 备份/);
    await expect(restoreBackup(occupied, path.join(dir, 'missing.sql'), { force: true })).rejects.toThrow(/找不到备份文件/);
    await expectUntouched();
  });

  it('a backup from a newer schema than this Pacer knows', async () => {
    const file = path.join(dir, 'newer.sql');
    fs.copyFileSync(good, file);
    editDump(file, (lines) => lines.map((l) => (l.startsWith('-- schema-migrations:') ? `-- schema-migrations: ${shippedMigrations().length + 1}` : l)));
    await expect(restoreBackup(occupied, file, { force: true })).rejects.toThrow(/请先升级 Pacer/);
    await expectUntouched();
  });
});

describe('restore with --force', { timeout: SLOW }, () => {
  it('replaces all data with the backup', async () => {
    const target = await fresh();
    await seedDemo(target.db, { password: 'other-pass1', projectCount: 3, reports: false });
    await restoreBackup(target, good, { force: true });
    const counts = await tableCounts(target.db);
    expect(counts.find((c) => c.table === 'projects')?.rows).toBe(12);
    expect(fs.readFileSync(good, 'utf8')).toContain(`-- rows users ${counts.find((c) => c.table === 'users')?.rows}`);
  });
});

describe.runIf(shippedMigrations().length >= 2)('backups across schema versions', { timeout: SLOW }, () => {
  let older: string;
  beforeAll(async () => {
    // A database as the previous release left it: one migration fewer, with a little data.
    const old = await fresh();
    await old.db.execute(sql`drop schema public cascade`);
    await old.db.execute(sql`create schema public`);
    await old.db.execute(sql`drop schema if exists drizzle cascade`);
    await migrateUpTo(old, shippedMigrations().length - 1);
    await old.db.execute(sql`insert into regions (code, name, kind) values ('430300', '湘潭市', 'city')`);
    older = path.join(dir, 'older.sql');
    await writeBackup(old, older);
  });

  it('loads an older backup into a fresh database at its schema, then upgrades it', async () => {
    const target = await fresh();
    await target.db.execute(sql`drop schema public cascade`);
    await target.db.execute(sql`create schema public`);
    await target.db.execute(sql`drop schema drizzle cascade`);
    await restoreBackup(target, older);
    expect((await appliedSchema(target.db)).count).toBe(shippedMigrations().length);
    expect((await tableCounts(target.db)).find((c) => c.table === 'regions')?.rows).toBe(1);
  });

  it('refuses an older backup into a database already at a newer schema', async () => {
    const target = await fresh();
    await expect(restoreBackup(target, older)).rejects.toThrow(/比备份（第 \d+ 版）新/);
    expect(await isEmpty(target)).toBe(true);
  });
});
