import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** A fixed advisory-lock key so that several server instances migrate one at a time. */
const MIGRATION_LOCK = 72_403_001;

/**
 * Applies pending migrations; safe to run at every start and from several instances.
 * `migrationsFolder` lets restore stop at the schema a backup was taken with.
 */
export async function migrateDatabase(database: Database, opts: { migrationsFolder?: string } = {}): Promise<void> {
  const migrationsFolder = opts.migrationsFolder ?? MIGRATIONS_DIR;
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  await database.db.transaction(async (tx) => {
    // A transaction-level lock held by one connection serialises concurrent starters.
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrate(tx as never, { migrationsFolder });
  });
}
