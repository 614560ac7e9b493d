/**
 * 作战图 routes: read, replace and reset a project's monthly plan for a year, and read its
 * three-colour record. Reading follows the project's read scope; changing it needs what
 * editing the project needs (projects:update within the user's write scope).
 */
import { apiError, beijingLocal, colourRecordDto, monthlyPlanDto, monthlyPlanInput } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { notFound } from '../../http/errors.ts';
import { colourRecordView, monthlyPlanView, projectInScope } from './queries.ts';
import { resetMonthlyPlan, saveMonthlyPlan } from './service.ts';

const params = z.object({
  id: z.uuid({ error: '项目编号不正确' }),
  year: z.coerce.number({ error: '年份应为数字' }).int({ error: '年份应为整数' }).min(2000, { error: '年份应在 2000–2100 之间' }).max(2100, { error: '年份应在 2000–2100 之间' }),
});
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const tags = ['projects'];

export async function monthlyPlanRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/projects/:id/monthly-plans/:year',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags,
        summary: '作战图（月度计划） Monthly plan',
        description: '每月月末应完成的累计投资（元）及当月计划完成的节点。没有自定作战图时 source 为 curve，按年度计划和活动的时序进度曲线推算。',
        params,
        response: { 200: monthlyPlanDto, ...errors },
      },
    },
    async (req) => {
      if (!(await projectInScope(ctx.db, req.user!, req.params.id))) throw notFound('项目');
      return monthlyPlanView(ctx.db, req.params.id, req.params.year);
    },
  );

  r.put(
    '/api/projects/:id/monthly-plans/:year',
    {
      config: { permission: 'projects:update', fieldLabels: { cumulativeYuan: '作战图' } },
      schema: {
        tags,
        summary: '保存作战图 Save monthly plan',
        description: 'cumulativeYuan 依次为 1–12 月月末累计计划投资（整数元），不能为负、逐月不减。12 月与年度计划不一致时照常保存并在 warnings 中说明相差多少。',
        params,
        body: monthlyPlanInput,
        response: { 200: monthlyPlanDto, ...errors },
      },
    },
    async (req) => saveMonthlyPlan(ctx.db, req.user!, req.params.id, req.params.year, req.body.cumulativeYuan),
  );

  r.delete(
    '/api/projects/:id/monthly-plans/:year',
    {
      config: { permission: 'projects:update' },
      schema: { tags, summary: '恢复按时序进度推算 Reset monthly plan to the curve', params, response: { 200: monthlyPlanDto, ...errors } },
    },
    async (req) => resetMonthlyPlan(ctx.db, req.user!, req.params.id, req.params.year),
  );

  r.get(
    '/api/projects/:id/three-colour/:year',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags,
        summary: '三色预警记录 Three-colour record',
        description: '已结束月份的计划累计、月报本年累计（已提交或已审核）、未按期完成的节点数和颜色：绿 = 按计划，红 = 落后，追上后原红色月份转黄并保留。',
        params,
        response: { 200: colourRecordDto, ...errors },
      },
    },
    async (req) => {
      if (!(await projectInScope(ctx.db, req.user!, req.params.id))) throw notFound('项目');
      return colourRecordView(ctx.db, req.params.id, req.params.year, beijingLocal(ctx.now()).slice(0, 10));
    },
  );
}
