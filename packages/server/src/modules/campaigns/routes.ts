import { curveProblem, DEFAULT_GRADING_RULES, isoDate, PERIOD_KINDS } from '@pacer/domain';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { campaigns } from '../../db/schema.ts';
import { fieldError, notFound } from '../../http/errors.ts';
import { campaignProjectRoutes } from './member-routes.ts';
import { campaignOfYear } from './queries.ts';

const curve = z
  .array(z.object({ month: z.number().int().min(1).max(12), share: z.number().min(0).max(1) }))
  .superRefine((c, ctx) => {
    const problem = curveProblem(c);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const rules = z.object({
  excellentMinGap: z.number(),
  goodMinGap: z.number(),
  fairMinGap: z.number(),
  excellentNeedsNoOverdue: z.boolean(),
  poorOverdueDays: z.number().int().min(0),
  missingReportIsPoor: z.boolean(),
}).refine((r) => r.excellentMinGap >= r.goodMinGap && r.goodMinGap >= r.fairMinGap, { error: '等次门槛应满足：优秀 ≥ 良好 ≥ 一般' });

const settings = z.object({
  name: z.string().trim().min(2, { error: '请填写活动名称' }).max(200),
  slogan: z.string().trim().max(100).nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  cadence: z.array(z.enum(PERIOD_KINDS)).min(1, { error: '至少选择一种填报周期' }),
  deadlines: z.object({ weekday: z.number().int().min(1).max(7), monthDay: z.number().int().min(1).max(31), time: z.string().regex(/^\d{2}:\d{2}$/, { error: '时间格式应为 HH:mm' }) }),
  /** null = linear by month (6月30日 = 50%). */
  timeCurve: curve.nullable(),
  gradingRules: rules.nullable(),
});

/** Names of the settings fields in validation messages. */
const CAMPAIGN_FIELD_LABELS: Record<string, string> = {
  name: '活动名称',
  slogan: '口号',
  startsOn: '开始日期',
  endsOn: '结束日期',
  cadence: '填报周期',
  deadlines: '截止时间',
  weekday: '每周截止日',
  monthDay: '每月截止日',
  time: '截止时刻',
  timeCurve: '时序进度曲线',
  month: '月份',
  share: '累计进度',
  gradingRules: '评定规则',
  excellentMinGap: '优秀门槛（百分点）',
  goodMinGap: '良好门槛（百分点）',
  fairMinGap: '一般门槛（百分点）',
  excellentNeedsNoOverdue: '优秀须无逾期节点',
  poorOverdueDays: '较差逾期天数',
  missingReportIsPoor: '未填报评为较差',
};

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  await campaignProjectRoutes(app, ctx);

  r.get('/api/campaigns', { config: { permission: 'signedIn' }, schema: { tags, summary: '竞赛活动 Campaigns' } }, async () => {
    const rows = await ctx.db.select().from(campaigns).orderBy(asc(campaigns.year));
    return Promise.all(rows.map(async (c) => ({ ...c, createdAt: c.createdAt.toISOString(), effective: await campaignOfYear(ctx.db, c.year), defaultRules: DEFAULT_GRADING_RULES })));
  });

  r.put(
    '/api/campaigns/:id',
    { config: { permission: 'boards:manage', fieldLabels: CAMPAIGN_FIELD_LABELS }, schema: { tags, summary: '修改活动设置 Update campaign settings', params: z.object({ id: z.uuid() }), body: settings } },
    async (req) => {
      if (req.body.endsOn < req.body.startsOn) throw fieldError(['endsOn'], '结束日期不能早于开始日期');
      const [row] = await ctx.db.update(campaigns).set(req.body).where(eq(campaigns.id, req.params.id)).returning();
      if (!row) throw notFound('竞赛活动');
      return { ...row, createdAt: row.createdAt.toISOString() };
    },
  );
}
