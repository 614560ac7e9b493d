/**
 * What every `pacer` command shares: its own error type, opening the configured database
 * (and always closing it, so the process can exit), and Chinese messages for known errors.
 */
import fs from 'node:fs';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import { DatabaseLockedError, type Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { openConfiguredDatabase } from '../runtime.ts';

/** A refusal or mistake the person at the terminal can fix; printed without a stack. */
export class CliError extends Error {}

export const PACER_VERSION: string = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** Opens the database from the environment, runs `work`, and closes it whatever happens. */
export async function withDatabase<T>(
  work: (database: Database, config: Config) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, opts);
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export const describeDatabase = (database: Database) =>
  database.kind === 'pglite' ? `PGlite（内嵌）数据目录 ${database.location}` : `PostgreSQL ${database.location}`;

/** Network failures reaching PostgreSQL, which deserve a sentence rather than a stack. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** The message to print for an error we expect, or null for a bug (which keeps its stack). */
export function knownErrorMessage(err: unknown): string | null {
  if (err instanceof CliError || err instanceof ConfigError || err instanceof DatabaseLockedError || err instanceof AppError) {
    // FieldValidationError is an AppError whose message already names each field.
    return err.message;
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) {
    return `无法连接数据库（${code}）：请检查 DATABASE_URL 以及 PostgreSQL 服务是否在运行。`;
  }
  if (code === '28P01' || code === '3D000') {
    // Wrong password / no such database: the server's own text says which.
    return `数据库拒绝连接：${(err as Error).message}。请检查 DATABASE_URL。`;
  }
  return null;
}
