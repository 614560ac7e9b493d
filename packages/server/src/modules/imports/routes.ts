/**
 * The import API. Work that can take long (reading, previewing, committing, rolling back)
 * answers 202 with the job at once; the client polls GET /api/imports/:id for its progress.
 */
import { apiError, beijingLocal, LEDGER_FIELDS, parsePeriodKey } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { FieldValidationError, notFound } from '../../http/errors.ts';
import { attachment, XLSX_MIME } from '../../xlsx/printed.ts';
import { problemsWorkbook } from './problems-xlsx.ts';
import { ownerKeyOf } from './actor.ts';
import { JobRunner } from './jobs.ts';
import { forgetHeader, listMemory } from './memory.ts';
import { presentJob } from './present.ts';
import { listImports, problemsOf, rowsOf } from './queries.ts';
import { fieldDto, importJobDto, mappingInput, pageQuery, problemDto, rowDto } from './schema.ts';
import { commitImport, confirmMapping, discardImport, jobFor, rollbackImport, startImport, type ImportContext } from './service.ts';
import { progressTemplate, projectTemplate } from './template.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: z.uuid({ error: '导入任务编号不正确' }) });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const thisYear = () => Number(beijingLocal(new Date()).slice(0, 4));

export async function importRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const runner = new JobRunner(ctx.db, (err, jobId) => app.log.error({ err, jobId }, 'import job failed'));
  app.addHook('onClose', () => runner.drain());
  const c: ImportContext = { db: ctx.db, runner, limits: ctx.importLimits };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'imports:run' as const };
  const tags = ['imports'];

  r.get('/api/imports/fields', { config, schema: { tags, summary: '可导入的字段 Fields a column can map to', response: { 200: z.array(fieldDto) } } }, async () =>
    LEDGER_FIELDS.map((f) => ({ key: f.key, zh: f.zh, en: f.en, target: f.target, kind: f.kind })),
  );

  r.get(
    '/api/imports/templates/projects.xlsx',
    { config, schema: { tags, summary: '项目台账导入模板 Project ledger template', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${year}年重点项目台账导入模板.xlsx`)).send(await projectTemplate(ctx.db, year));
    },
  );

  r.get(
    '/api/imports/templates/progress.xlsx',
    { config, schema: { tags, summary: '进度填报导入模板（列出本单位项目） Progress template', querystring: z.object({ period: z.string().optional() }) } },
    async (req, reply) => {
      const period = req.query.period ? parsePeriodKey(req.query.period) : { year: thisYear(), month: Number(beijingLocal(new Date()).slice(5, 7)) };
      if (!period) throw new FieldValidationError([{ path: ['period'], field: '填报期', message: '填报期格式应为 YYYY-MM，例如 2022-03' }]);
      const body = await progressTemplate(ctx.db, req.user!, period);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${period.year}年${period.month}月进度填报模板.xlsx`)).send(body);
    },
  );

  r.post(
    '/api/imports',
    {
      config,
      schema: {
        tags,
        summary: '上传台账 Upload a ledger (multipart, field "file")',
        description: '立即返回导入任务（202），后台读取表格结构；随后 GET /api/imports/:id 查看进度与建议的列对应关系。',
        consumes: ['multipart/form-data'],
        response: { 202: importJobDto, ...errors },
      },
    },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: c.limits.maxUploadBytes, files: 1 } });
      if (!file) throw new FieldValidationError([{ path: ['file'], field: '文件', message: '请选择要导入的 Excel 文件' }]);
      const bytes = await file.toBuffer().catch(() => {
        throw new FieldValidationError([{ path: ['file'], field: '文件', message: `文件超过 ${Math.round(c.limits.maxUploadBytes / 1024 / 1024)} MB 的上限，请拆分后分批导入` }]);
      });
      const year = Number((file.fields.planYear as { value?: unknown } | undefined)?.value);
      const job = await startImport(c, req.user!, { name: file.filename || 'upload.xlsx', bytes }, { planYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined });
      return reply.status(202).send(job);
    },
  );

  r.get('/api/imports', { config, schema: { tags, summary: '导入记录 Imports', querystring: pageQuery, response: { 200: page(importJobDto.omit({ sheets: true }).extend({ createdByName: z.string() })), ...errors } } }, async (req) =>
    listImports(c, req.user!, req.query.page, req.query.pageSize),
  );

  r.get('/api/imports/memory', { config, schema: { tags, summary: '本单位记住的表头对应 Remembered headers' } }, async (req) => listMemory(ctx.db, ownerKeyOf(req.user!)));

  r.delete(
    '/api/imports/memory',
    { config, schema: { tags, summary: '忘记一个表头 Forget a header', querystring: z.object({ header: z.string().min(1).max(500) }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      if (!(await forgetHeader(ctx.db, ownerKeyOf(req.user!), req.query.header))) throw notFound('记住的表头');
      return reply.status(204).send(null);
    },
  );

  r.get('/api/imports/:id', { config, schema: { tags, summary: '导入任务（状态、进度、对应关系、统计） Import job', params: idParams, response: { 200: importJobDto, ...errors } } }, async (req) =>
    presentJob(await jobFor(c, req.user!, req.params.id)),
  );

  r.put(
    '/api/imports/:id/mapping',
    {
      config,
      schema: {
        tags,
        summary: '确认列对应关系并预检 Confirm mapping, start the dry run',
        description: '可改正每列对应的字段、金额单位、要导入的工作表、填报期和缺省值；默认记住本单位的选择。返回 202，后台预检。',
        params: idParams,
        body: mappingInput,
        response: { 202: importJobDto, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await confirmMapping(c, req.user!, req.params.id, req.body)),
  );

  r.get(
    '/api/imports/:id/problems',
    { config, schema: { tags, summary: '问题清单 Problems (sheet, row, column, value, reason)', params: idParams, querystring: pageQuery.extend({ level: z.enum(['error', 'warning']).optional() }), response: { 200: page(problemDto), ...errors } } },
    async (req) => problemsOf(c, req.user!, req.params.id, req.query.level, req.query.page, req.query.pageSize),
  );

  r.get(
    '/api/imports/:id/problems.xlsx',
    { config, schema: { tags, summary: '下载问题清单 Problems as a workbook', params: idParams } },
    async (req, reply) => {
      const { body, fileName } = await problemsWorkbook(c, req.user!, req.params.id);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName)).send(body);
    },
  );

  r.get(
    '/api/imports/:id/rows',
    { config, schema: { tags, summary: '逐行预检结果 Rows: create / update / unchanged / skip', params: idParams, querystring: pageQuery.extend({ action: z.enum(['create', 'update', 'unchanged', 'skip']).optional() }), response: { 200: page(rowDto), ...errors } } },
    async (req) => rowsOf(c, req.user!, req.params.id, req.query.action, req.query.page, req.query.pageSize),
  );

  r.post(
    '/api/imports/:id/commit',
    {
      config,
      schema: {
        tags,
        summary: '提交导入 Commit (all or nothing)',
        description: '预检有问题时须 acceptProblems=true：有错误的行不导入，提示照常导入。返回 202，后台在一个事务中写入。',
        params: idParams,
        body: z.object({ acceptProblems: z.boolean().default(false) }),
        response: { 202: importJobDto, ...errors },
      },
    },
    async (req, reply) => reply.status(202).send(await commitImport(c, req.user!, req.params.id, req.body)),
  );

  r.post('/api/imports/:id/rollback', { config, schema: { tags, summary: '撤销导入 Roll back an import', params: idParams, response: { 202: importJobDto, ...errors } } }, async (req, reply) =>
    reply.status(202).send(await rollbackImport(c, req.user!, req.params.id)),
  );

  r.delete('/api/imports/:id', { config, schema: { tags, summary: '放弃未提交的导入 Discard', params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await discardImport(c, req.user!, req.params.id);
    return reply.status(204).send(null);
  });
}
