import { and, asc, count, eq, getTableColumns } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { progressReports, reportPhotos } from '../../db/schema.ts';
import { conflict, FieldValidationError, notFound } from '../../http/errors.ts';
import { projectInScope } from '../reports/service.ts';
import { checkPhoto, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REPORT } from './validate.ts';

const photoDto = z.object({
  id: z.string(),
  contentType: z.string(),
  width: z.number(),
  height: z.number(),
  takenAt: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  caption: z.string().nullable(),
  uploadedAt: z.string(),
  url: z.string(),
});

const present = (p: Omit<typeof reportPhotos.$inferSelect, 'bytes'>) => ({
  id: p.id,
  contentType: p.contentType,
  width: p.width,
  height: p.height,
  takenAt: p.takenAt?.toISOString() ?? null,
  latitude: p.latitude,
  longitude: p.longitude,
  caption: p.caption,
  uploadedAt: p.uploadedAt.toISOString(),
  url: `/api/photos/${p.id}`,
});

const { bytes: _bytes, ...metaColumns } = getTableColumns(reportPhotos);

export async function photoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const reportParams = z.object({ id: z.uuid({ error: '报表编号不正确' }) });

  async function reportFor(req: { user: Parameters<typeof projectInScope>[1] | null }, id: string, mode: 'read' | 'write') {
    const [report] = await ctx.db.select().from(progressReports).where(eq(progressReports.id, id));
    if (!report) throw notFound('报表');
    await projectInScope(ctx.db, req.user!, report.projectId, mode);
    return report;
  }

  r.get('/api/reports/:id/photos', { config: { permission: 'reports:read' }, schema: { tags, summary: '现场照片 Photos of a report', params: reportParams, response: { 200: z.array(photoDto) } } }, async (req) => {
    await reportFor(req, req.params.id, 'read');
    const rows = await ctx.db.select(metaColumns).from(reportPhotos).where(eq(reportPhotos.reportId, req.params.id)).orderBy(asc(reportPhotos.uploadedAt));
    return rows.map(present);
  });

  r.post(
    '/api/reports/:id/photos',
    { config: { permission: 'reports:write' }, schema: { tags, summary: '上传现场照片 Upload a photo (multipart, field "file")', consumes: ['multipart/form-data'], params: reportParams, response: { 201: photoDto } } },
    async (req, reply) => {
      const report = await reportFor(req, req.params.id, 'write');
      if (report.status === 'submitted' || report.status === 'approved') throw conflict('报表已提交，不能再添加照片');
      // The parser is shared (app.ts); a photo's own size limit is set here.
      const file = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
      if (!file) throw new FieldValidationError([{ path: ['file'], field: '现场照片', message: '请选择要上传的照片' }]);
      const bytes = await file.toBuffer().catch(() => {
        throw new FieldValidationError([{ path: ['file'], field: '现场照片', message: `照片超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后再传` }]);
      });
      const checked = await checkPhoto(bytes, file.filename);
      const caption = typeof (file.fields.caption as { value?: unknown } | undefined)?.value === 'string' ? String((file.fields.caption as { value: string }).value).slice(0, 200) : null;
      const saved = await ctx.db.transaction(async (tx) => {
        const [{ n }] = (await tx.select({ n: count() }).from(reportPhotos).where(eq(reportPhotos.reportId, report.id))) as [{ n: number }];
        if (Number(n) >= MAX_PHOTOS_PER_REPORT) throw conflict(`每期最多上传 ${MAX_PHOTOS_PER_REPORT} 张照片`);
        const [dup] = await tx.select({ id: reportPhotos.id }).from(reportPhotos).where(and(eq(reportPhotos.reportId, report.id), eq(reportPhotos.sha256, checked.sha256)));
        if (dup) throw conflict('这张照片已经上传过了');
        const [row] = await tx.insert(reportPhotos).values({ reportId: report.id, bytes, caption, uploadedBy: req.user!.id, ...checked }).returning(metaColumns);
        return row!;
      });
      return reply.status(201).send(present(saved));
    },
  );

  r.delete(
    '/api/reports/:id/photos/:photoId',
    { config: { permission: 'reports:write' }, schema: { tags, summary: '删除照片 Delete a photo', params: reportParams.extend({ photoId: z.uuid() }), response: { 204: z.null() } } },
    async (req, reply) => {
      const report = await reportFor(req, req.params.id, 'write');
      if (report.status === 'submitted' || report.status === 'approved') throw conflict('报表已提交，不能删除照片');
      const gone = await ctx.db.delete(reportPhotos).where(and(eq(reportPhotos.id, req.params.photoId), eq(reportPhotos.reportId, report.id))).returning({ id: reportPhotos.id });
      if (!gone.length) throw notFound('照片');
      return reply.status(204).send(null);
    },
  );

  r.get('/api/photos/:id', { config: { permission: 'reports:read' }, schema: { tags, summary: '照片文件 Photo file', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const [photo] = await ctx.db.select().from(reportPhotos).where(eq(reportPhotos.id, req.params.id));
    if (!photo) throw notFound('照片');
    await reportFor(req, photo.reportId, 'read');
    // Served only as the checked image type, never sniffed into something else.
    return reply
      .header('content-type', photo.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'private, max-age=86400')
      .send(photo.bytes);
  });
}
