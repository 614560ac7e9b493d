/**
 * Builds the Fastify application from its modules. main.ts starts it; tests build it
 * against a fresh database and call it through HTTP (inject).
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Db } from './db/client.ts';
import { registerErrorHandler } from './http/errors.ts';
import { enforcePermissions, markScopePublic, trackRoutes, type RegisteredRoute } from './http/permission.ts';
import { authRoutes, registerSessionHook } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { projectRoutes } from './modules/projects/routes.ts';
import { referenceRoutes } from './modules/reference/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { statsRoutes } from './modules/stats/routes.ts';
import { boardRoutes } from './modules/boards/routes.ts';
import { bulletinRoutes } from './modules/bulletins/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { photoRoutes } from './modules/photos/routes.ts';
import { MAX_PHOTO_BYTES } from './modules/photos/validate.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { importLimits, type ImportLimits } from './modules/imports/limits.ts';
import { exportRoutes } from './modules/exports/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { problemRoutes } from './modules/problems/routes.ts';
import { problemPhotoRoutes } from './modules/problems/photos.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { webhookRoutes } from './modules/notifications/webhook-routes.ts';
import { webhookPolicy, type WebhookPolicy } from './modules/notifications/webhook-policy.ts';
import { myProjectRoutes } from './modules/my-projects/routes.ts';
import { monthlyPlanRoutes } from './modules/monthly-plans/routes.ts';

// Default validation messages in Chinese; our own schemas give specific ones.
z.config(z.locales.zhCN());

/** What every module gets: the database and the settings it needs. */
export interface AppContext {
  database: Database;
  db: Db;
  sessionTtlMs: number;
  /** How long an instance may answer from a session it resolved recently (0: never). */
  sessionCacheMs: number;
  cookieSecure: boolean;
  /** The clock: deadlines, escalation and reminders read it, so tests can move time. */
  now: () => Date;
  /** How large an imported ledger may be (PACER_IMPORT_*). */
  importLimits: ImportLimits;
  /** Where webhooks may post (PACER_WEBHOOK_ALLOW_HOSTS). */
  webhookPolicy: WebhookPolicy;
}

export interface BuildOptions {
  database: Database;
  sessionTtlHours?: number;
  /** Defaults to 5 seconds (PACER_SESSION_CACHE_SECONDS). */
  sessionCacheSeconds?: number;
  cookieSecure?: boolean;
  /** Directory of the built web client; served with SPA fallback when present. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Defaults to the system clock. */
  now?: () => Date;
  importLimits?: Partial<ImportLimits>;
  /** Defaults to public addresses only. */
  webhookPolicy?: WebhookPolicy;
}

export interface PacerApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
}

export async function buildApp(opts: BuildOptions): Promise<PacerApp> {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: true, bodyLimit: 2 * 1024 * 1024 });
  const routes = trackRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const ctx: AppContext = {
    database: opts.database,
    db: opts.database.db,
    sessionTtlMs: (opts.sessionTtlHours ?? 12) * 3_600_000,
    sessionCacheMs: (opts.sessionCacheSeconds ?? 5) * 1000,
    cookieSecure: opts.cookieSecure ?? false,
    now: opts.now ?? (() => new Date()),
    importLimits: importLimits(opts.importLimits),
    webhookPolicy: opts.webhookPolicy ?? webhookPolicy(''),
  };

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Pacer 领跑 API', description: '重点项目建设竞赛与调度平台接口。登录后以 Cookie 会话访问。', version: '0.1.0' },
      tags: [
        { name: 'auth', description: '登录与会话' },
        { name: 'projects', description: '重点项目库' },
        { name: 'reference', description: '区划、单位、人员' },
        { name: 'users', description: '用户管理' },
        { name: 'reports', description: '进度填报与审核' },
        { name: 'stats', description: '完成率、时序进度与排名' },
        { name: 'campaigns', description: '竞赛活动设置' },
        { name: 'boards', description: '周晒榜' },
        { name: 'bulletins', description: '通报（Word / Excel）' },
        { name: 'imports', description: 'Excel 台账导入（预检、提交、撤销）' },
        { name: 'exports', description: 'Excel 导出（列表、榜单、看板）' },
        { name: 'problems', description: '问题交办、督办与调度层级' },
        { name: 'meetings', description: '调度会与现场观摩' },
        { name: 'notifications', description: '消息提醒与外发通道（Webhook）' },
        { name: 'calendar', description: '工作日历（节假日与调休）' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    markScopePublic(docs);
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  registerSessionHook(app, ctx);
  enforcePermissions(app);

  await app.register(async (api) => {
    // One multipart parser for every upload; its limits fit photos, and the ledger upload asks for more.
    await api.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10 } });
    await healthRoutes(api, ctx);
    await authRoutes(api, ctx);
    await referenceRoutes(api, ctx);
    await projectRoutes(api, ctx);
    await userRoutes(api, ctx);
    await reportRoutes(api, ctx);
    await statsRoutes(api, ctx);
    await boardRoutes(api, ctx);
    await bulletinRoutes(api, ctx);
    await dashboardRoutes(api, ctx);
    await campaignRoutes(api, ctx);
    await photoRoutes(api, ctx);
    await importRoutes(api, ctx);
    await exportRoutes(api, ctx);
    await calendarRoutes(api, ctx);
    await problemRoutes(api, ctx);
    // Uses the shared multipart parser registered above.
    await problemPhotoRoutes(api, ctx);
    await meetingRoutes(api, ctx);
    await notificationRoutes(api, ctx);
    await webhookRoutes(api, ctx);
    await myProjectRoutes(api, ctx);
    await monthlyPlanRoutes(api, ctx);
  });

  await registerWebClient(app, opts.webDir);
  return { app, routes };
}

/** Serves the built React client, falling back to index.html for client-side routes. */
async function registerWebClient(app: FastifyInstance, webDir?: string): Promise<void> {
  const indexFile = webDir ? path.join(webDir, 'index.html') : undefined;
  const hasClient = indexFile !== undefined && fs.existsSync(indexFile);
  await app.register(async (web) => {
    markScopePublic(web);
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    if (hasClient) await web.register(fastifyStatic, { root: webDir!, wildcard: true, index: false });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get index.html; a missing asset is a 404, never HTML posing as JavaScript.
    const isAsset = request.url.startsWith('/assets/') || /\.[a-z0-9]+(\?|$)/i.test(request.url.split('?')[0]!);
    if (hasClient && request.method === 'GET' && !request.url.startsWith('/api/') && !isAsset) {
      return reply.type('text/html').send(fs.createReadStream(indexFile!));
    }
    return reply.status(404).send({ error: 'not_found', message: `没有这个接口：${request.method} ${request.url.split('?')[0]}` });
  });
}
