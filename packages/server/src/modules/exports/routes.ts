/**
 * Excel exports of what the screens show: the project list (same filters as GET /api/projects,
 * plus the columns and money unit chosen on screen), a published board, the dashboard tables
 * and the figures by group. Each answers with the workbook as a download.
 */
import { beijingLocal, isoDate, PROJECT_CATEGORIES, PROJECT_LEVELS, projectListQuery } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { attachment, XLSX_MIME } from '../../xlsx/printed.ts';
import { GROUP_FIELDS } from '../stats/service.ts';
import { boardWorkbook } from './boards.ts';
import { dashboardWorkbook, statsWorkbook } from './figures.ts';
import { PROJECT_EXPORT_COLUMNS, projectsWorkbook } from './projects.ts';

const csv = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : []))
    .pipe(z.array(z.enum(keys)));

const today = () => beijingLocal(new Date()).slice(0, 10);
const asOfYear = (q: { year?: number; asOf?: string }) => {
  const asOf = q.asOf ?? today();
  const year = q.year ?? Number(asOf.slice(0, 4));
  return { year, asOf: asOf.slice(0, 4) === String(year) ? asOf : `${year}-12-31` };
};

export async function exportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  const send = (reply: { header(k: string, v: string): typeof reply; send(b: Buffer): unknown }, file: { body: Buffer; fileName: string }) =>
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(file.fileName)).send(file.body);

  r.get(
    '/api/exports/projects.xlsx',
    {
      config: { permission: 'projects:read' },
      schema: {
        tags,
        summary: '导出项目列表 Export the project list',
        description: '筛选条件同 GET /api/projects（忽略分页）；columns 为列表显示的列（逗号分隔），unit 为金额单位 wan|yi。',
        querystring: projectListQuery.extend({ columns: csv(PROJECT_EXPORT_COLUMNS), unit: z.enum(['wan', 'yi']).default('wan') }),
      },
    },
    async (req, reply) => {
      const { columns, unit, ...query } = req.query;
      return send(reply, await projectsWorkbook(ctx.db, req.user!, query, { columns, unit }));
    },
  );

  // Published boards are public (the media read them), and so is their spreadsheet.
  r.get('/api/exports/boards/:id', { config: { permission: 'public' }, schema: { tags, summary: '导出已发布的周晒榜 Export a published board', params: z.object({ id: z.uuid({ error: '榜单编号不正确' }) }) } }, async (req, reply) =>
    send(reply, await boardWorkbook(ctx.db, req.params.id)),
  );

  r.get(
    '/api/exports/stats.xlsx',
    {
      config: { permission: 'stats:read' },
      schema: { tags, summary: '导出分组完成率 Export figures by group', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), asOf: isoDate.optional(), groupBy: z.enum(GROUP_FIELDS).default('region') }) },
    },
    async (req, reply) => send(reply, await statsWorkbook(ctx.db, req.user!, { ...asOfYear(req.query), groupBy: req.query.groupBy })),
  );

  r.get(
    '/api/exports/dashboard.xlsx',
    {
      config: { permission: 'stats:read' },
      schema: { tags, summary: '导出数据看板表格 Export the dashboard tables', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), asOf: isoDate.optional(), level: csv(PROJECT_LEVELS.keys), category: csv(PROJECT_CATEGORIES.keys) }) },
    },
    async (req, reply) => send(reply, await dashboardWorkbook(ctx.db, req.user!, { ...asOfYear(req.query), filters: { level: req.query.level, category: req.query.category } })),
  );
}
