import { apiError, beijingLocal, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { statsJson } from './kept.ts';
import { statsResponse, type StatsResponse } from './schema.ts';
import { GROUP_FIELDS } from './service.ts';

export async function statsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/stats',
    {
      config: { permission: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '分组完成率 Figures by group',
        description: '投资完成率 = 本年累计 / 年度计划（组内为合计比合计）；时序进度默认按月线性；进度差 = 完成率 − 时序进度（百分点）。百分数保留两位小数。',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          asOf: isoDate.optional(),
          groupBy: z.enum(GROUP_FIELDS).default('region'),
        }),
        response: { 200: statsResponse, 400: apiError, 401: apiError, 403: apiError },
      },
    },
    // Sent as text: kept per instance while the database is unchanged and, by region, brought up
    // to date after a change (see kept.ts), which checks each answer against statsResponse; the
    // header says whether it was kept, updated or computed whole.
    async (req, reply) => {
      const asOf = req.query.asOf ?? beijingLocal(new Date()).slice(0, 10);
      const year = req.query.year ?? Number(asOf.slice(0, 4));
      const stats = await statsJson(ctx.db, req.user!, { year, asOf, groupBy: req.query.groupBy });
      return reply.type('application/json; charset=utf-8').header('x-pacer-stats', stats.cached ? 'kept' : stats.updated ? 'updated' : 'computed').send(stats.json as unknown as StatsResponse);
    },
  );
}
