import { beijingLocal, isoDate } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { BULLETIN_KINDS, bulletinData } from './data.ts';
import { bulletinDocx } from './docx.ts';
import { bulletinXlsx } from './xlsx.ts';

const query = z.object({ kind: z.enum(BULLETIN_KINDS).default('week'), date: isoDate.optional() });
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function bulletinRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'bulletins:export' as const };
  const tags = ['bulletins'];
  const load = (q: z.infer<typeof query>) => bulletinData(ctx.db, q.kind, q.date ?? beijingLocal(new Date()).slice(0, 10));

  r.get('/api/bulletins', { config, schema: { tags, summary: '通报内容（打印页） Bulletin data', querystring: query } }, async (req) => load(req.query));

  for (const format of ['docx', 'xlsx'] as const) {
    r.get(`/api/bulletins.${format}`, { config, schema: { tags, summary: `通报 ${format.toUpperCase()} 下载`, querystring: query } }, async (req, reply) => {
      const data = await load(req.query);
      const body = format === 'docx' ? await bulletinDocx(data) : await bulletinXlsx(data);
      const filename = `${data.title}（${data.periodText}）.${format}`;
      return reply
        .header('content-type', MIME[format])
        .header('content-disposition', `attachment; filename="bulletin.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(body);
    });
  }
}
