import { currentUser, permissionsOf } from '@pacer/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../../db/schema.ts';
import { AppError, unauthorized } from '../../http/errors.ts';
import type { AppContext } from '../../app.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, resolveSession, SESSION_COOKIE, type UserContext } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserContext | null;
  }
}

const loginBody = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(100),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(200),
});

export function presentUser(user: UserContext) {
  return { ...user, permissions: [...permissionsOf(user.role)] };
}

/** Reads the session cookie on every request and sets request.user. */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await resolveSession(ctx.db, token, ctx.sessionTtlMs, ctx.sessionCacheMs) : null;
  });
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: ctx.cookieSecure };

  r.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], summary: '登录 Sign in', body: loginBody, response: { 200: currentUser } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
      const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password);
      if (!user || !ok) throw new AppError(401, 'bad_credentials', '用户名或密码不正确');
      if (user.disabledAt) throw new AppError(403, 'disabled', '该账号已停用，请联系竞赛办');
      const token = await createSession(ctx.db, user.id, ctx.sessionTtlMs);
      await ctx.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(ctx.sessionTtlMs / 1000) });
      const me = await resolveSession(ctx.db, token, ctx.sessionTtlMs);
      return presentUser(me!);
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { permission: 'public' }, schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    { config: { permission: 'signedIn' }, schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: currentUser } } },
    async (request) => {
      if (!request.user) throw unauthorized();
      return presentUser(request.user);
    },
  );
}
