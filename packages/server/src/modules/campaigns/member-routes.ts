/**
 * 竞赛项目 routes: a campaign's projects and their tracks. Managed by whoever manages the
 * campaign's settings and boards (boards:manage, the campaign office).
 */
import { addCampaignProjectsInput, apiError, campaignProjectPage, campaignProjectQuery, membershipResult, removeCampaignProjectsInput, setTrackInput } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { addCampaignProjects, listCampaignProjects, removeCampaignProjects, setCampaignTrack } from './members.ts';

const params = z.object({ id: z.uuid({ error: '竞赛活动编号不正确' }) });
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const tags = ['campaigns'];
const fieldLabels = { projectIds: '项目', track: '竞赛赛道', filter: '筛选条件', region: '区划/园区', level: '项目级别', category: '项目类别', status: '建设状态', q: '关键词' };
const manage = { permission: 'boards:manage' as const, fieldLabels };

export async function campaignProjectRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/campaigns/:id/projects',
    {
      config: manage,
      schema: { tags, summary: '竞赛项目列表 Campaign projects', description: '可按区划（含下级）、级别、类别、建设状态、赛道（none = 未定赛道）、关键词筛选，分页。', params, querystring: campaignProjectQuery, response: { 200: campaignProjectPage, ...errors } },
    },
    async (req) => listCampaignProjects(ctx.db, req.user!, req.params.id, req.query, true),
  );

  r.get(
    '/api/campaigns/:id/candidates',
    {
      config: manage,
      schema: { tags, summary: '可加入的项目 Library projects not in the campaign', params, querystring: campaignProjectQuery, response: { 200: campaignProjectPage, ...errors } },
    },
    async (req) => listCampaignProjects(ctx.db, req.user!, req.params.id, req.query, false),
  );

  r.post(
    '/api/campaigns/:id/projects',
    {
      config: manage,
      schema: {
        tags,
        summary: '加入竞赛项目 Add projects',
        description: 'projectIds（按所选）与 filter（全部符合条件且尚未加入的项目）二选一；给出 track 时同时设定赛道。',
        params,
        body: addCampaignProjectsInput,
        response: { 200: membershipResult, ...errors },
      },
    },
    async (req) => addCampaignProjects(ctx.db, req.user!, req.params.id, req.body),
  );

  r.post(
    '/api/campaigns/:id/projects/remove',
    { config: manage, schema: { tags, summary: '移出竞赛项目 Remove projects', description: '已发布的榜单不变。', params, body: removeCampaignProjectsInput, response: { 200: membershipResult, ...errors } } },
    async (req) => removeCampaignProjects(ctx.db, req.user!, req.params.id, req.body.projectIds),
  );

  r.put(
    '/api/campaigns/:id/projects/track',
    { config: manage, schema: { tags, summary: '设定赛道 Set the track of campaign projects', description: 'track 为 null 时清除赛道。', params, body: setTrackInput, response: { 200: membershipResult, ...errors } } },
    async (req) => setCampaignTrack(ctx.db, req.user!, req.params.id, req.body.projectIds, req.body.track),
  );
}
