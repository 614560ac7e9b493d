import { apiError, projectDetail, projectInput, projectListQuery, projectPage, projectUpdateInput } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { notFound } from '../../http/errors.ts';
import { getProject, listProjects } from './queries.ts';
import { createProject, deleteProject, restoreProject, updateProject } from './service.ts';

const idParams = z.object({ id: z.uuid({ error: '项目编号不正确' }) });
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export async function projectRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/projects',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags: ['projects'],
        summary: '项目列表 List projects',
        description: '按级别、类别、状态、赛道、区划（含下级）、指挥部、联点领导、关键词筛选；排序与分页在服务端完成。',
        querystring: projectListQuery,
        response: { 200: projectPage, ...errors },
      },
    },
    async (request) => listProjects(ctx.db, request.user!, request.query),
  );

  r.get(
    '/api/projects/:id',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags: ['projects'],
        summary: '项目详情 Project detail',
        params: idParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), includeDeleted: z.enum(['true', 'false']).optional() }),
        response: { 200: projectDetail, ...errors },
      },
    },
    async (request) => {
      const project = await getProject(ctx.db, request.user!, request.params.id, {
        year: request.query.year,
        includeDeleted: request.query.includeDeleted === 'true',
      });
      if (!project) throw notFound('项目');
      return project;
    },
  );

  r.post(
    '/api/projects',
    {
      config: { permission: 'projects:create' },
      schema: { tags: ['projects'], summary: '新建项目 Create project', body: projectInput, response: { 201: projectDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createProject(ctx.db, request.user!, request.body)),
  );

  r.put(
    '/api/projects/:id',
    {
      config: { permission: 'projects:update' },
      schema: {
        tags: ['projects'],
        summary: '修改项目 Update project',
        description: '须带上读取时的 version；若他人已修改，返回 409 和当前内容，不会覆盖。',
        params: idParams,
        body: projectUpdateInput,
        response: { 200: projectDetail, ...errors },
      },
    },
    async (request) => updateProject(ctx.db, request.user!, request.params.id, request.body),
  );

  r.delete(
    '/api/projects/:id',
    {
      config: { permission: 'projects:delete' },
      schema: { tags: ['projects'], summary: '删除项目（可恢复） Soft-delete project', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteProject(ctx.db, request.user!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/projects/:id/restore',
    {
      config: { permission: 'projects:delete' },
      schema: { tags: ['projects'], summary: '恢复已删除项目 Restore project', params: idParams, response: { 200: projectDetail, ...errors } },
    },
    async (request) => restoreProject(ctx.db, request.user!, request.params.id),
  );
}
