/** `pacer seed demo` and `pacer migrate` on fresh databases: the demo never mixes with or wipes data. */
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/harness.ts';
import { sql } from '../db/client.ts';
import { addUser } from '../modules/users/service.ts';
import { tableCounts } from './catalog.ts';
import { runMigrations } from './migrate.ts';
import { seedDemoCommand } from './seed.ts';
import { shippedMigrations } from './schema-version.ts';

/** Child processes and PGlite seeding take long on a busy machine: generous, not endless. */
const SLOW = 120_000;

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

const rowsIn = async (table: string) => (await tableCounts(t!.database.db)).find((c) => c.table === table)?.rows ?? 0;
/** A small city keeps these tests quick; the first test loads the full one. */
const small = { password: 'pacer2026', projectCount: 4, reports: false };
const office = (username: string) => ({ username, password: 'Office2026', displayName: '管理员', role: 'office' as const, orgId: null, regionCode: null, personId: null });

describe('pacer migrate', { timeout: SLOW }, () => {
  it('reports how many migrations it applied, and nothing the second time', async () => {
    t = await freshDatabase();
    const db = t.database.db;
    await db.execute(sql`drop schema public cascade`);
    await db.execute(sql`create schema public`);
    await db.execute(sql`drop schema drizzle cascade`);
    const n = shippedMigrations().length;
    expect(await runMigrations(t.database)).toEqual({ before: 0, after: n });
    expect(await runMigrations(t.database)).toEqual({ before: n, after: n });
  });
});

describe('pacer seed demo', { timeout: SLOW }, () => {
  it('loads the demo city into an empty database and names the accounts', async () => {
    t = await freshDatabase();
    const demo = await seedDemoCommand(t.database, { password: 'pacer2026' });
    expect(demo.projects).toBe(80);
    expect(demo.accounts.map((a) => a.username)).toContain('admin');
    expect(await rowsIn('projects')).toBe(80);
  });

  it('refuses a database with data, naming the tables, and leaves it alone', async () => {
    t = await freshDatabase();
    await seedDemoCommand(t.database, small);
    await expect(seedDemoCommand(t.database, small)).rejects.toThrow(/数据库已有数据（regions \d+ 行/);
    await expect(seedDemoCommand(t.database, { ...small, force: true })).rejects.toThrow(/已有业务数据.*即使加 --force/);
    expect(await rowsIn('projects')).toBe(4);
  });

  it('with --force, loads beside accounts that were created first and keeps them', async () => {
    t = await freshDatabase();
    await addUser(t.database.db, office('chief'));
    await expect(seedDemoCommand(t.database, small)).rejects.toThrow(/users 1 行.*--force/);
    await seedDemoCommand(t.database, { ...small, force: true });
    expect(await rowsIn('projects')).toBe(4);
    expect(await rowsIn('users')).toBe(9);
  });

  it('with --force, leaves nothing behind when a demo username is taken', async () => {
    t = await freshDatabase();
    await addUser(t.database.db, office('admin'));
    await expect(seedDemoCommand(t.database, { ...small, force: true })).rejects.toThrow(/演示账号与现有账号重名（用户名 admin 已存在），未做任何更改/);
    expect(await rowsIn('regions')).toBe(0);
    expect(await rowsIn('projects')).toBe(0);
    expect(await rowsIn('users')).toBe(1);
  });
});
