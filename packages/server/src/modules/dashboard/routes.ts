import { beijingLocal, isoDate, PROJECT_CATEGORIES, PROJECT_LEVELS } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { dashboard } from './service.ts';

const list = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : []))
    .pipe(z.array(z.enum(keys)));

export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard',
    {
      config: { permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '数据看板 Dashboard',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), asOf: isoDate.optional(), level: list(PROJECT_LEVELS.keys), category: list(PROJECT_CATEGORIES.keys) }),
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? beijingLocal(new Date()).slice(0, 10);
      const year = req.query.year ?? Number(asOf.slice(0, 4));
      return dashboard(ctx.db, req.user!, { year, asOf: asOf.slice(0, 4) === String(year) ? asOf : `${year}-12-31`, filters: { level: req.query.level, category: req.query.category } });
    },
  );
}
