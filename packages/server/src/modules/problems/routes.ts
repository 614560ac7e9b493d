import {
  apiError,
  assignInput,
  beijingLocal,
  extensionApproval,
  extensionInput,
  isoDate,
  problemDetail,
  problemInput,
  problemListQuery,
  problemPage,
  reasonInput,
  stepInput,
  type ExtensionAction,
  type Permission,
  type ProblemAction,
} from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { fieldError } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { holidayCalendar } from '../calendar/service.ts';
import { getProblem, listProblems, queueCounts, type ReadContext } from './queries.ts';
import { escalationRules, rulesInput, saveEscalationRules } from './rules.ts';
import { actOnExtension } from './extensions.ts';
import { act, raiseProblem, type ActContext } from './service.ts';
import { groupProblemFigures, PROBLEM_GROUPS, problemFacts } from './stats.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: z.uuid({ error: '问题编号不正确' }) });
const figures = z.object({
  raised: z.number(),
  open: z.number(),
  solvedOnSpot: z.number(),
  assigned: z.number(),
  closed: z.number(),
  overdue: z.number(),
  onTimeRate: z.number().nullable(),
  avgDaysToClose: z.number().nullable(),
});

/** Every step but raising: its path, who may call it, and its body. */
const STEPS: { path: string; action: ProblemAction; permission: Permission; body: z.ZodType; summary: string }[] = [
  { path: 'assign', action: 'assign', permission: 'problems:assign', body: assignInput, summary: '交办 Assign (lead, co-handlers, deadline in working days)' },
  { path: 'solve-on-spot', action: 'solveOnSpot', permission: 'problems:assign', body: stepInput, summary: '立行立改 Solved on the spot' },
  { path: 'sign', action: 'sign', permission: 'problems:handle', body: stepInput, summary: '签收 Sign for it' },
  { path: 'progress', action: 'progress', permission: 'problems:handle', body: stepInput, summary: '报送进展 Progress note with evidence' },
  { path: 'reply', action: 'reply', permission: 'problems:handle', body: stepInput, summary: '答复办理结果 Reply that it is done' },
  { path: 'recheck', action: 'recheck', permission: 'problems:assign', body: stepInput, summary: '复核通过 Re-check passed' },
  { path: 'send-back', action: 'sendBack', permission: 'problems:assign', body: reasonInput, summary: '复核退回 Send back to the handlers' },
  { path: 'confirm', action: 'confirm', permission: 'problems:raise', body: stepInput, summary: '确认销号 Raiser confirms; closed' },
  { path: 'reopen', action: 'reopen', permission: 'problems:raise', body: reasonInput, summary: '退回重办 Raiser reopens' },
];

/** 申请延期 and the office's decision: the deadline moves only on approval. */
const EXTENSION_STEPS: { path: string; action: ExtensionAction; permission: Permission; body: z.ZodType; summary: string }[] = [
  { path: 'request-extension', action: 'requestExtension', permission: 'problems:handle', body: extensionInput, summary: '申请延期 Lead unit asks for a later deadline (reason required; one pending at a time)' },
  { path: 'approve-extension', action: 'approveExtension', permission: 'problems:assign', body: extensionApproval, summary: '同意延期 Office approves; the deadline moves' },
  { path: 'refuse-extension', action: 'refuseExtension', permission: 'problems:assign', body: reasonInput, summary: '不同意延期 Office refuses (reason required)' },
];

export async function problemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];
  const today = () => beijingLocal(ctx.now()).slice(0, 10);

  async function readContext(user: UserContext): Promise<ReadContext> {
    const rules = await escalationRules(ctx.db);
    return { today: today(), calendar: await holidayCalendar(ctx.db), principal: !!user.personId && rules.principalPersonIds.includes(user.personId) };
  }
  async function actContext(): Promise<ActContext> {
    return { now: ctx.now(), today: today(), calendar: await holidayCalendar(ctx.db), rules: await escalationRules(ctx.db) };
  }

  r.get(
    '/api/problems',
    {
      config: { permission: 'problems:read' },
      schema: {
        tags,
        summary: '问题列表 Problems',
        description: 'queue=mine 为待我处理（竞赛办：待交办、待复核；承办单位：待签收、办理中；提出单位：待销号确认；领导：升级到本级的问题），overdue 为逾期，dueThisWeek 为本周到期。level 为调度层级队列。',
        querystring: problemListQuery,
        response: { 200: problemPage, ...errors },
      },
    },
    async (req) => listProblems(ctx.db, req.user!, req.query, await readContext(req.user!)),
  );

  r.get(
    '/api/problems/queues',
    {
      config: { permission: 'problems:read' },
      schema: {
        tags,
        summary: '我的待办与各级队列数量 Queue counts',
        response: { 200: z.object({ mine: z.number(), overdue: z.number(), dueThisWeek: z.number(), open: z.number(), byLevel: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }) }), ...errors },
      },
    },
    async (req) => queueCounts(ctx.db, req.user!, await readContext(req.user!)),
  );

  r.get(
    '/api/problems/stats',
    {
      config: { permission: 'problems:read' },
      schema: {
        tags,
        summary: '问题办理统计 Figures by type, department, region or HQ',
        description: '统计期内提出的问题：提出数、立行立改数、交办数、销号数、逾期数、按期办结率（复核通过的答复日期不晚于期限）、平均办结天数（自然日，仅计交办后销号的问题）。',
        querystring: z.object({ groupBy: z.enum(PROBLEM_GROUPS).default('type'), from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: z.object({ from: z.string(), to: z.string(), groupBy: z.enum(PROBLEM_GROUPS), total: figures, rows: z.array(figures.extend({ group: z.string() })) }), ...errors },
      },
    },
    async (req) => {
      const to = req.query.to ?? today();
      const from = req.query.from ?? `${to.slice(0, 4)}-01-01`;
      if (from > to) throw fieldError(['from'], '开始日期不能晚于结束日期');
      const facts = await problemFacts(ctx.db, req.user!, from, to);
      return { from, to, groupBy: req.query.groupBy, ...groupProblemFigures(facts, req.query.groupBy, today()) };
    },
  );

  const rulesDto = rulesInput;
  r.get('/api/problems/rules', { config: { permission: 'problems:read' }, schema: { tags, summary: '督办规则 Escalation and reminder rules', response: { 200: rulesDto, ...errors } } }, async () => escalationRules(ctx.db));
  r.put(
    '/api/problems/rules',
    { config: { permission: 'dispatch:settings' }, schema: { tags, summary: '修改督办规则 Change the rules', body: rulesInput, response: { 200: rulesDto, ...errors } } },
    async (req) => saveEscalationRules(ctx.db, req.body, req.user!.id, ctx.now()),
  );

  r.get('/api/problems/:id', { config: { permission: 'problems:read' }, schema: { tags, summary: '问题详情与办理过程 Problem with its history', params: idParams, response: { 200: problemDetail, ...errors } } }, async (req) =>
    getProblem(ctx.db, req.user!, req.params.id, await readContext(req.user!)),
  );

  r.post(
    '/api/problems',
    {
      config: { permission: 'problems:raise' },
      schema: { tags, summary: '提出问题 Raise a problem', description: '可带 reportId（进度填报中反映的问题）或 serviceTeamOrgId（代服务专班提出）。', body: problemInput, response: { 201: problemDetail, ...errors } },
    },
    async (req, reply) => {
      const ac = await actContext();
      const id = await ctx.db.transaction((tx) => raiseProblem(tx, req.user!, req.body, ac));
      return reply.status(201).send(await getProblem(ctx.db, req.user!, id, await readContext(req.user!)));
    },
  );

  for (const s of STEPS) {
    r.post(
      `/api/problems/:id/${s.path}`,
      { config: { permission: s.permission }, schema: { tags, summary: s.summary, params: idParams, body: s.body, response: { 200: problemDetail, ...errors } } },
      async (req) => {
        await act(ctx.db, req.user!, req.params.id, s.action, req.body as never, await actContext());
        return getProblem(ctx.db, req.user!, req.params.id, await readContext(req.user!));
      },
    );
  }

  for (const s of EXTENSION_STEPS) {
    r.post(
      `/api/problems/:id/${s.path}`,
      { config: { permission: s.permission }, schema: { tags, summary: s.summary, params: idParams, body: s.body, response: { 200: problemDetail, ...errors } } },
      async (req) => {
        await actOnExtension(ctx.db, req.user!, req.params.id, s.action, req.body as never, await actContext());
        return getProblem(ctx.db, req.user!, req.params.id, await readContext(req.user!));
      },
    );
  }
}
