import { apiError, beijingLocal, GRADES, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { myProjects } from './service.ts';

const row = z.object({
  id: z.string(),
  name: z.string(),
  regionName: z.string(),
  hqName: z.string().nullable(),
  leaderName: z.string().nullable(),
  planWan: z.number().nullable(),
  ytdWan: z.number(),
  completionRate: z.number().nullable(),
  gapPoints: z.number().nullable(),
  /** Chinese label of the latest published grade. */
  grade: z.string().nullable(),
  gradeKey: z.enum(GRADES).nullable(),
  /** 三色预警 on that board. */
  colour: z.enum(['green', 'yellow', 'red']).nullable(),
  openProblems: z.number(),
  overdueProblems: z.number(),
  highestLevel: z.number().nullable(),
});

export async function myProjectRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/my/projects',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags: ['projects'],
        summary: '我的项目（联点领导、指挥部） My projects with gap, grade and open problems',
        description: '联点领导：其联点项目；其他角色：其数据范围内的项目。按进度差从落后到领先排列。',
        querystring: z.object({ asOf: isoDate.optional() }),
        response: { 200: z.object({ year: z.number(), asOf: z.string(), timeProgress: z.number(), projects: z.array(row), openProblems: z.number(), overdueProblems: z.number() }), 401: apiError, 403: apiError },
      },
    },
    async (req) => {
      const today = beijingLocal(ctx.now()).slice(0, 10);
      const asOf = req.query.asOf ?? today;
      return myProjects(ctx.db, req.user!, Number(asOf.slice(0, 4)), asOf, today);
    },
  );
}
