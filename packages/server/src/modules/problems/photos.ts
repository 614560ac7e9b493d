/**
 * Photos of a problem and the handlers' evidence (佐证照片): checked like report photos,
 * uploaded by the parties to the problem, then named in a step's photoIds.
 */
import { apiError, problemPhoto } from '@pacer/domain';
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { problemPhotos, problems } from '../../db/schema.ts';
import { conflict, FieldValidationError, forbidden, notFound } from '../../http/errors.ts';
import { checkPhoto, MAX_PHOTO_BYTES } from '../photos/validate.ts';
import { presentPhoto } from './photo-present.ts';
import { handlerUnits } from './queries.ts';
import { actorsOf, problemReadScope } from './scope.ts';

const MAX_PHOTOS_PER_PROBLEM = 30;
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const { bytes: _bytes, ...metaColumns } = getTableColumns(problemPhotos);

export async function problemPhotoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];

  async function visible(req: FastifyRequest, id: string) {
    const [p] = await ctx.db.select().from(problems).where(and(eq(problems.id, id), problemReadScope(req.user!)));
    if (!p) throw notFound('问题');
    return p;
  }

  r.post(
    '/api/problems/:id/photos',
    {
      config: { permission: 'problems:read' },
      schema: { tags, summary: '上传问题照片或佐证 Upload a photo (multipart, field "file")', consumes: ['multipart/form-data'], params: z.object({ id: z.uuid() }), response: { 201: problemPhoto, ...errors } },
    },
    async (req, reply) => {
      const p = await visible(req, req.params.id);
      if (actorsOf(req.user!, p, await handlerUnits(ctx.db, p.id)).length === 0) throw forbidden('只有提出单位、承办单位和竞赛办可以上传照片');
      if (p.state === 'closed') throw conflict('问题已销号，不能再上传照片');
      // The parser is shared (app.ts); a photo's own size limit is set here.
      const file = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5 } });
      if (!file) throw new FieldValidationError([{ path: ['file'], field: '照片', message: '请选择要上传的照片' }]);
      const bytes = await file.toBuffer().catch(() => {
        throw new FieldValidationError([{ path: ['file'], field: '照片', message: `照片超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后再传` }]);
      });
      const checked = await checkPhoto(bytes, file.filename);
      const captionField = file.fields.caption as { value?: unknown } | undefined;
      const caption = typeof captionField?.value === 'string' ? captionField.value.slice(0, 200) : null;
      const saved = await ctx.db.transaction(async (tx) => {
        const [{ n }] = (await tx.select({ n: count() }).from(problemPhotos).where(eq(problemPhotos.problemId, p.id))) as [{ n: number }];
        if (Number(n) >= MAX_PHOTOS_PER_PROBLEM) throw conflict(`每个问题最多上传 ${MAX_PHOTOS_PER_PROBLEM} 张照片`);
        const [dup] = await tx.select({ id: problemPhotos.id }).from(problemPhotos).where(and(eq(problemPhotos.problemId, p.id), eq(problemPhotos.sha256, checked.sha256)));
        if (dup) throw conflict('这张照片已经上传过了');
        const [row] = await tx.insert(problemPhotos).values({ problemId: p.id, bytes, caption, uploadedBy: req.user!.id, uploadedAt: ctx.now(), ...checked }).returning(metaColumns);
        return row!;
      });
      return reply.status(201).send(presentPhoto(saved));
    },
  );

  r.get('/api/problem-photos/:id', { config: { permission: 'problems:read' }, schema: { tags, summary: '问题照片文件 Photo file', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const [photo] = await ctx.db.select().from(problemPhotos).where(eq(problemPhotos.id, req.params.id));
    if (!photo) throw notFound('照片');
    await visible(req, photo.problemId);
    // Served only as the checked image type, never sniffed into something else.
    return reply
      .header('content-type', photo.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'private, max-age=86400')
      .send(photo.bytes);
  });
}
