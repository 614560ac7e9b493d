/**
 * Which schema a database (or a backup) is at, counted in drizzle migrations. A backup records
 * the count and the hash of the last one, so restore can tell an older, equal or newer schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { queryRows, sql, type Database, type Db } from '../db/client.ts';
import { MIGRATIONS_DIR, migrateDatabase } from '../db/migrate.ts';

export interface SchemaStamp {
  /** Number of migrations applied. */
  count: number;
  /** SHA-256 of the last migration's SQL, as drizzle stores it; '' when none. */
  lastHash: string;
}

/** The migrations this version of Pacer ships, oldest first. */
export function shippedMigrations(): { hash: string }[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => ({ hash: m.hash }));
}

/** What has been applied to the database; count 0 when it was never migrated. */
export async function appliedSchema(db: Db): Promise<SchemaStamp> {
  const [table] = await queryRows<{ name: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
  if (!table?.name) return { count: 0, lastHash: '' };
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return { count: rows.length, lastHash: rows.at(-1)?.hash ?? '' };
}

/** Applies the first `count` shipped migrations only, through a trimmed copy of the journal. */
export async function migrateUpTo(database: Database, count: number): Promise<void> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-migrations-'));
  try {
    fs.mkdirSync(path.join(dir, 'meta'));
    const entries = journal.entries.slice(0, count);
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    await migrateDatabase(database, { migrationsFolder: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
