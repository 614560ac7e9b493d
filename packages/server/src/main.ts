/** Starts the Pacer server: configuration, database, migrations, demo data, HTTP. */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseLockedError, type Db } from './db/client.ts';
import { importLimitsFromConfig } from './modules/imports/limits.ts';
import { webhookPolicy } from './modules/notifications/webhook-policy.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { boundHeapGrowth } from './memory.ts';

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main() {
  boundHeapGrowth();
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const webhooks = webhookPolicy(config.PACER_WEBHOOK_ALLOW_HOSTS);
  const { app } = await buildApp({
    database,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    sessionCacheSeconds: config.PACER_SESSION_CACHE_SECONDS,
    cookieSecure: config.COOKIE_SECURE,
    webDir: config.PACER_WEB_DIR ?? DEFAULT_WEB_DIR,
    logger: { level: config.LOG_LEVEL },
    importLimits: importLimitsFromConfig(config),
    webhookPolicy: webhooks,
  });

  if (config.PACER_DEMO && (await isEmpty(database.db))) {
    app.log.info('空数据库：正在载入演示城市（湘潭市）… loading the demo city');
    // One transaction: a failed first start leaves an empty database, not half a city.
    const demo = await database.db.transaction((tx) => seedDemo(tx as unknown as Db, { password: config.PACER_DEMO_PASSWORD }));
    const lines = demo.accounts.map((a) => `    ${a.username.padEnd(8)} ${a.role.padEnd(12)} ${a.displayName}`);
    console.log(
      `\n  已载入演示数据：湘潭市，${demo.projects} 个项目。Demo city loaded: ${demo.projects} projects.\n` +
        `  演示账号 Demo accounts (密码 password: ${config.PACER_DEMO_PASSWORD}):\n${lines.join('\n')}\n`,
    );
  }

  let scheduler: Scheduler | null = null;
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.PACER_JOBS) {
    const instance = config.PACER_INSTANCE ?? `${os.hostname()}:${process.pid}`;
    scheduler = startScheduler({ db: database.db, now: () => new Date(), instance, dailyAt: config.PACER_JOBS_AT, webhookPolicy: webhooks }, config.PACER_JOB_INTERVAL_SECONDS * 1000, (err) =>
      app.log.error({ err }, '定时任务出错 scheduled job failed'),
    );
  }
  console.log(`\n  Pacer 领跑 已启动: http://localhost:${config.PORT}  (API 文档 /api/docs, 数据库 ${database.kind}: ${database.location})\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseLockedError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
