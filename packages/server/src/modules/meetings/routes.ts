import {
  AGENDA_SECTIONS,
  apiError,
  beijingLocal,
  decisionInput,
  DEFAULT_AGENDA_GAP_POINTS,
  isoDate,
  MEETING_KINDS,
  meetingDetail,
  meetingInput,
  meetingSummary,
  meetingUpdate,
  scoreInput,
  visitsInput,
} from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { holidayCalendar } from '../calendar/service.ts';
import { escalationRules } from '../problems/rules.ts';
import { proposedAgenda } from './agenda.ts';
import { meetingBriefDocx, meetingMinutesDocx } from './docx.ts';
import type { UserContext } from '../auth/sessions.ts';
import { getMeeting, listMeetings } from './queries.ts';
import { visibleMeeting } from './scope.ts';
import { addDecision, createMeeting, updateMeeting } from './service.ts';
import { ranking, RANKING_GROUPS, setScore, setVisits, toursOfYear } from './tours.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: z.uuid({ error: '会议编号不正确' }) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const rankingDto = z.object({
  groupBy: z.enum(RANKING_GROUPS),
  rows: z.array(z.object({ key: z.string(), name: z.string(), regionName: z.string(), scores: z.number(), average: z.number(), rank: z.number() })),
});

export async function meetingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const read = { permission: 'meetings:read' as const };
  const manage = { permission: 'meetings:manage' as const };
  // Every read goes through the user's meeting scope: outside it, a meeting is a 404.
  const detail = (user: UserContext, id: string) => getMeeting(ctx.db, user, id);

  r.get(
    '/api/meetings',
    { config: read, schema: { tags, summary: '会议列表 Meetings', description: '竞赛办、联点领导看全部；其他单位只看议程、议定事项或观摩涉及本单位项目或问题、本单位参会或本人打过分的会议。', querystring: z.object({ kind: z.enum(MEETING_KINDS).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(meetingSummary), ...errors } } },
    async (req) => listMeetings(ctx.db, req.user!, req.query),
  );

  r.get(
    '/api/meetings/agenda-proposal',
    {
      config: manage,
      schema: {
        tags,
        summary: '议程建议（预览） Agenda proposed from the data',
        description: '慢于时序进度超过 gapThreshold 个百分点的项目、逾期问题、上周未报项目、主持领导联点项目；日会商只列逾期问题。',
        querystring: z.object({ kind: z.enum(MEETING_KINDS), heldOn: isoDate, chairPersonId: z.uuid().optional(), gapThreshold: z.coerce.number().min(0).max(100).default(DEFAULT_AGENDA_GAP_POINTS) }),
        response: { 200: z.array(z.object({ section: z.enum(AGENDA_SECTIONS), projectId: z.string().nullable(), problemId: z.string().nullable(), title: z.string(), note: z.string() })), ...errors },
      },
    },
    async (req) => proposedAgenda(ctx.db, req.query.kind, req.query.heldOn, req.query.chairPersonId ?? null, req.query.gapThreshold),
  );

  r.get(
    '/api/meetings/tour-ranking',
    { config: read, schema: { tags, summary: '年度现场观摩排名 Tour ranking of a year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), groupBy: z.enum(RANKING_GROUPS).default('project') }), response: { 200: rankingDto.extend({ year: z.number(), tours: z.number() }), ...errors } } },
    async (req) => {
      const year = req.query.year ?? Number(beijingLocal(ctx.now()).slice(0, 4));
      const ids = await toursOfYear(ctx.db, req.user!, year);
      return { year, tours: ids.length, groupBy: req.query.groupBy, rows: await ranking(ctx.db, ids, req.query.groupBy) };
    },
  );

  r.post('/api/meetings', { config: manage, schema: { tags, summary: '新建会议（自动生成议程） Create a meeting', body: meetingInput, response: { 201: meetingDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await detail(req.user!, await createMeeting(ctx.db, req.user!, req.body, ctx.now()))),
  );

  r.get('/api/meetings/:id', { config: read, schema: { tags, summary: '会议详情 Meeting', params: idParams, response: { 200: meetingDetail, ...errors } } }, async (req) => detail(req.user!, req.params.id));

  r.put(
    '/api/meetings/:id',
    { config: manage, schema: { tags, summary: '编辑会议、议程与纪要 Edit agenda and minutes', description: '须带 version；他人已修改时返回 409。', params: idParams, body: meetingUpdate, response: { 200: meetingDetail, ...errors } } },
    async (req) => {
      await updateMeeting(ctx.db, req.user!, req.params.id, req.body, ctx.now());
      return detail(req.user!, req.params.id);
    },
  );

  r.post(
    '/api/meetings/:id/decisions',
    { config: manage, schema: { tags, summary: '议定事项（生成交办问题或任务） Add a decision', params: idParams, body: decisionInput, response: { 201: meetingDetail, ...errors } } },
    async (req, reply) => {
      const now = ctx.now();
      const ac = { now, today: beijingLocal(now).slice(0, 10), calendar: await holidayCalendar(ctx.db), rules: await escalationRules(ctx.db) };
      await addDecision(ctx.db, req.user!, req.params.id, req.body, ac);
      return reply.status(201).send(await detail(req.user!, req.params.id));
    },
  );

  r.put('/api/meetings/:id/visits', { config: manage, schema: { tags, summary: '观摩点 Projects visited on a tour', params: idParams, body: visitsInput, response: { 200: meetingDetail, ...errors } } }, async (req) => {
    await setVisits(ctx.db, req.user!, req.params.id, req.body, ctx.now());
    return detail(req.user!, req.params.id);
  });

  r.put(
    '/api/meetings/:id/scores',
    { config: { permission: 'meetings:score' }, schema: { tags, summary: '观摩打分 Score a visited project', params: idParams, body: scoreInput, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await setScore(ctx.db, req.user!, req.params.id, req.body, ctx.now());
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/meetings/:id/ranking',
    { config: read, schema: { tags, summary: '观摩排名 Ranking of a tour', description: '5 个及以上评分时去掉一个最高分和一个最低分。', params: idParams, querystring: z.object({ groupBy: z.enum(RANKING_GROUPS).default('project') }), response: { 200: rankingDto, ...errors } } },
    async (req) => {
      await visibleMeeting(ctx.db, req.user!, req.params.id);
      return { groupBy: req.query.groupBy, rows: await ranking(ctx.db, [req.params.id], req.query.groupBy) };
    },
  );

  for (const [path, render, name] of [
    ['brief', meetingBriefDocx, '会议材料'],
    ['minutes', meetingMinutesDocx, '纪要'],
  ] as const) {
    r.get(`/api/meetings/:id/${path}.docx`, { config: read, schema: { tags, summary: `${name} Word 下载`, params: idParams } }, async (req, reply) => {
      const m = await detail(req.user!, req.params.id);
      const filename = `${m.title}${name}.docx`;
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="meeting-${path}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(await render(m));
    });
  }
}
