import { apiError, beijingLocal, PERIOD_KINDS, REPORT_FIELD_LABELS, REPORT_STATUSES, reportDto, reportInput, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { complianceBy, getReport, periodReports, reportForm, reportHistory, reportsByStatus } from './queries.ts';
import { approveReport, returnReport, saveReport, submitReport } from './service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: z.uuid({ error: '报表编号不正确' }) });
const versionBody = z.object({ version: z.number({ error: '缺少版本号' }).int().min(1) });
const periodQuery = z.object({ periodKind: z.enum(PERIOD_KINDS).default('week'), date: isoDate.optional() });

const periodDto = z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string() });
const periodRow = z.object({
  projectId: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ownerName: z.string(),
  state: z.enum(['missing', 'draft', 'submitted', 'returned', 'approved']),
  reportId: z.string().nullable(),
  late: z.boolean(),
  overdue: z.boolean(),
  ytdYuan: z.number().nullable(),
  warnings: z.number(),
  flags: z.number(),
});

export async function reportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  // The app's clock, so tests with a fake one see the same deadlines and dates as the jobs.
  const todayInBeijing = () => beijingLocal(ctx.now()).slice(0, 10);

  r.get(
    '/api/reports',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: '按状态列出报表（审核队列） Reports by status',
        description: '跨周期列出某一状态的报表，如 status=submitted 为待审核队列，按提交时间排序。',
        querystring: z.object({ status: z.enum(REPORT_STATUSES).default('submitted') }),
        response: { 200: z.array(reportDto.extend({ regionName: z.string(), ownerName: z.string() })), ...errors },
      },
    },
    async (req) => reportsByStatus(ctx.db, req.user!, req.query.status),
  );

  r.get(
    '/api/reports/period',
    {
      config: { permission: 'reports:read' },
      schema: { tags, summary: '本期填报情况 Reports of a period', description: '应报项目逐个列出：未报、草稿、已提交、退回、已审核，及是否逾期。', querystring: periodQuery, response: { 200: z.object({ period: periodDto, deadline: z.string(), previous: periodDto, rows: z.array(periodRow) }), ...errors } },
    },
    async (req) => periodReports(ctx.db, req.user!, req.query.periodKind, req.query.date ?? todayInBeijing(), ctx.now()),
  );

  r.get(
    '/api/reports/compliance',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: '迟报漏报（按单位） Late and missing by unit',
        querystring: periodQuery.extend({ groupBy: z.enum(['owner', 'region']).default('owner') }),
        response: { 200: z.array(z.object({ group: z.string(), expected: z.number(), submitted: z.number(), late: z.number(), missing: z.number() })), ...errors },
      },
    },
    async (req) => complianceBy((await periodReports(ctx.db, req.user!, req.query.periodKind, req.query.date ?? todayInBeijing(), ctx.now())).rows, req.query.groupBy),
  );

  r.get(
    '/api/reports/form',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: '填报表单（含预填） Report form with prefill',
        querystring: z.object({ projectId: z.uuid(), periodKind: z.enum(PERIOD_KINDS), date: isoDate }),
        response: {
          200: z.object({
            report: reportDto.nullable(),
            period: periodDto,
            previous: z.object({ ytdYuan: z.number(), sinceStartYuan: z.number() }).nullable(),
            prefill: z.object({ ytdYuan: z.number(), sinceStartYuan: z.number(), periodYuan: z.number(), paidYtdYuan: z.number().nullable(), physicalProgress: z.string() }).nullable(),
          }),
          ...errors,
        },
      },
    },
    async (req) => reportForm(ctx.db, req.user!, req.query.projectId, req.query.periodKind, req.query.date),
  );

  r.get('/api/reports/:id', { config: { permission: 'reports:read' }, schema: { tags, summary: '报表详情 Report', params: idParams, response: { 200: reportDto, ...errors } } }, async (req) =>
    getReport(ctx.db, req.user!, req.params.id),
  );

  r.get(
    '/api/reports/:id/versions',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: '报表历史版本 Report versions',
        params: idParams,
        response: { 200: z.array(z.object({ version: z.number(), action: z.string(), status: z.string(), at: z.string(), userName: z.string().nullable(), data: z.record(z.string(), z.unknown()) })), ...errors },
      },
    },
    async (req) => reportHistory(ctx.db, req.user!, req.params.id),
  );

  r.put(
    '/api/reports',
    {
      config: { permission: 'reports:write', fieldLabels: REPORT_FIELD_LABELS },
      schema: {
        tags,
        summary: '保存填报草稿（或保存并提交） Save a draft, or save and submit',
        description:
          '按项目和周期保存；已有草稿时须带 version。保存时即检查数据并返回提示（findings）。' +
          'submit=true 时在同一次请求中保存并提交：检查没有错误则状态为 submitted；有错误则只保存为草稿（status 仍为 draft），错误列在 findings 中。' +
          '重复发送同一提交（双击、超时重试）返回已提交的报表。',
        body: reportInput.and(z.object({ version: z.number().int().min(1).nullable().optional(), submit: z.boolean().optional() })),
        response: { 200: reportDto, ...errors },
      },
    },
    async (req) => saveReport(ctx.db, req.user!, req.body, req.body.version ?? null, todayInBeijing(), ctx.now(), req.body.submit ?? false),
  );

  r.post('/api/reports/:id/submit', { config: { permission: 'reports:write' }, schema: { tags, summary: '提交 Submit', params: idParams, body: versionBody, response: { 200: reportDto, ...errors } } }, async (req) =>
    submitReport(ctx.db, req.user!, req.params.id, req.body.version, ctx.now()),
  );

  r.post(
    '/api/reports/:id/approve',
    { config: { permission: 'reports:review', fieldLabels: REPORT_FIELD_LABELS }, schema: { tags, summary: '审核通过 Approve', params: idParams, body: versionBody.extend({ note: z.string().max(1000).nullable().optional() }), response: { 200: reportDto, ...errors } } },
    async (req) => approveReport(ctx.db, req.user!, req.params.id, req.body.version, req.body.note ?? null, ctx.now()),
  );

  r.post(
    '/api/reports/:id/return',
    { config: { permission: 'reports:review', fieldLabels: REPORT_FIELD_LABELS }, schema: { tags, summary: '退回 Return', params: idParams, body: versionBody.extend({ reason: z.string({ error: '请填写退回原因' }).max(1000) }), response: { 200: reportDto, ...errors } } },
    async (req) => returnReport(ctx.db, req.user!, req.params.id, req.body.version, req.body.reason, ctx.now()),
  );
}
