import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../app.ts';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['reference'], summary: '健康检查 Health', response: { 200: z.object({ ok: z.boolean(), database: z.string() }) } },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { ok: true, database: ctx.database.kind };
    },
  );
}
