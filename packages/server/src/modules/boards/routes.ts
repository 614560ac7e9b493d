import { apiError, beijingLocal, GRADES, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { BOARD_GROUPS, boardByGroup, getBoardJson, listBoards } from './queries.ts';
import { draftJson } from './cache.ts';
import { adjustGrade, publishBoard } from './service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const weekQuery = z.object({ week: isoDate.optional() });
const today = () => beijingLocal(new Date()).slice(0, 10);
const idParams = z.object({ id: z.uuid({ error: '榜单编号不正确' }) });

export async function boardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { permission: 'boards:manage' as const };
  const tags = ['boards'];

  // Sent as text: kept per instance while the database is unchanged and brought up to date after
  // a change (see cache.ts); the header says whether this answer was kept, updated or computed whole.
  r.get('/api/boards/draft', { config: manage, schema: { tags, summary: '本周榜单草稿（建议等次） Draft board', querystring: weekQuery } }, async (req, reply) => {
    const draft = await draftJson(ctx.db, req.query.week ?? today());
    return reply.type('application/json; charset=utf-8').header('x-pacer-draft', draft.cached ? 'kept' : draft.updated ? 'updated' : 'computed').send(draft.json);
  });

  r.put(
    '/api/boards/adjustments',
    {
      config: manage,
      schema: {
        tags,
        summary: '调整等次 Adjust a grade',
        description: 'grade 为 null 时撤销调整、恢复建议等次。',
        body: z.object({ week: isoDate, projectId: z.uuid(), grade: z.enum(GRADES).nullable(), reason: z.string().max(500).default('') }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await adjustGrade(ctx.db, req.user!, req.body.week, req.body.projectId, req.body.grade, req.body.reason);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/boards/publish',
    { config: manage, schema: { tags, summary: '发布榜单 Publish', body: z.object({ week: isoDate, note: z.string().max(1000).nullable().optional() }), response: { 201: z.object({ id: z.string(), version: z.number() }), ...errors } } },
    async (req, reply) => {
      const board = await publishBoard(ctx.db, req.user!, req.body.week, req.body.note ?? null);
      return reply.status(201).send({ id: board.id, version: board.version });
    },
  );

  // Published boards are public: the media and the public read them without signing in.
  const open = { permission: 'public' as const };
  r.get('/api/public/boards', { config: open, schema: { tags, summary: '已发布榜单 Published boards' } }, async () => listBoards(ctx.db));
  // Sent as text: the board's entries are kept serialised (a published board never changes).
  r.get('/api/public/boards/:id', { config: open, schema: { tags, summary: '榜单（按项目） Board by project', params: idParams } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await getBoardJson(ctx.db, req.params.id)),
  );
  r.get(
    '/api/public/boards/:id/groups',
    { config: open, schema: { tags, summary: '榜单（按区域/园区/指挥部） Board by unit', params: idParams, querystring: z.object({ groupBy: z.enum(BOARD_GROUPS).default('region') }) } },
    async (req) => boardByGroup(ctx.db, req.params.id, req.query.groupBy),
  );
}
