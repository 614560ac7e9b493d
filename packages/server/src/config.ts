/**
 * Configuration from environment variables, validated once at start.
 * A wrong value stops the process with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { webhookPolicy } from './modules/notifications/webhook-policy.ts';

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
  /**
   * Seconds an instance may answer from a session it looked up recently instead of asking the
   * database on every request. A sign-out or a disabled account reaches other instances (and
   * the CLI's changes reach servers) within this time; 0 turns it off.
   */
  PACER_SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  /** Send cookies only over HTTPS; turn on behind a TLS proxy. */
  COOKIE_SECURE: bool.default(false),
  /** Load the fictional demo city into an empty database at start. */
  PACER_DEMO: bool.default(true),
  /** Password for the demo accounts; printed at start. */
  PACER_DEMO_PASSWORD: z.string().min(8).default('pacer2026'),
  /** Built web client to serve; empty to serve the API only. */
  PACER_WEB_DIR: z.string().optional(),
  /** Run scheduled jobs (escalation, reminders, digest, webhooks) in this process. */
  PACER_JOBS: bool.default(true),
  /** How often the scheduler looks for due jobs, in seconds. */
  PACER_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Beijing time (HH:mm) from which each working day's jobs run. */
  PACER_JOBS_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm，例如 08:30' })
    .default('08:30'),
  /** Largest Excel file an import accepts, in MB. */
  PACER_IMPORT_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  /** Most rows per sheet an import reads. */
  PACER_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** Most bytes, in MB, an import may inflate from the file (a zip bomb stops here). */
  PACER_IMPORT_MAX_UNZIPPED_MB: z.coerce.number().positive().max(8192).default(512),
  /**
   * Hosts webhooks may post to, comma-separated: gateway.example.cn, *.example.cn, *, and
   * addresses or ranges (10.20.0.0/16) that internal gateways resolve to. Empty: any host with a
   * public address. Loopback, private and link-local addresses are refused unless listed.
   */
  PACER_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .superRefine((value, issue) => {
      try {
        webhookPolicy(value);
      } catch (err) {
        issue.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  /** Name of this instance in job records; defaults to host name and process id. */
  PACER_INSTANCE: z.string().max(100).optional(),
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
