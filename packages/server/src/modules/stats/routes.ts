import { apiError, beijingLocal, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { computeStats, GROUP_FIELDS } from './service.ts';

const statsRow = z.object({
  key: z.string(),
  group: z.string(),
  projects: z.number(),
  planWan: z.number(),
  ytdWan: z.number(),
  completionRate: z.number().nullable(),
  timeProgress: z.number(),
  gapPoints: z.number().nullable(),
});

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
        response: { 200: z.object({ year: z.number(), asOf: z.string(), groupBy: z.enum(GROUP_FIELDS), rows: z.array(statsRow), total: statsRow }), 400: apiError, 401: apiError, 403: apiError },
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? beijingLocal(new Date()).slice(0, 10);
      const year = req.query.year ?? Number(asOf.slice(0, 4));
      return computeStats(ctx.db, req.user!, { year, asOf, groupBy: req.query.groupBy });
    },
  );
}
