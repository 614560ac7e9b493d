/**
 * Configuration from environment variables, validated once at start.
 * A wrong value stops the process with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where the embedded PGlite database lives when DATABASE_URL is not set. */
  PACER_DATA_DIR: z.string().default('./data'),
  /** postgres://user:pass@host:5432/db — use a PostgreSQL server instead of PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: '应以 postgres:// 或 postgresql:// 开头' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Idle sessions expire after this many hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Send cookies only over HTTPS; turn on behind a TLS proxy. */
  COOKIE_SECURE: bool.default(false),
  /** Load the fictional demo city into an empty database at start. */
  PACER_DEMO: bool.default(true),
  /** Password for the demo accounts; printed at start. */
  PACER_DEMO_PASSWORD: z.string().min(8).default('pacer2026'),
  /** Built web client to serve; empty to serve the API only. */
  PACER_WEB_DIR: z.string().optional(),
});

export type Config = z.output<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`环境变量配置有误 (invalid environment configuration):\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.PACER_DATA_DIR) };
}
