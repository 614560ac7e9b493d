import { chainDto, orgDto, ORG_KINDS, personDto, regionDto } from '@pacer/domain';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { industrialChains, organisations, people, regions } from '../../db/schema.ts';

/** Lists every form needs: regions and parks, units, people, industrial chains. */
export async function referenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'reference:read' as const };

  r.get('/api/regions', { config, schema: { tags: ['reference'], summary: '区划与园区 Regions and parks', response: { 200: z.array(regionDto) } } }, async () => {
    const rows = await ctx.db.select().from(regions).orderBy(asc(regions.sort), asc(regions.code));
    return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode, kind: r.kind as never }));
  });

  r.get(
    '/api/organisations',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: '单位 Organisations',
        querystring: z.object({ kind: z.enum(ORG_KINDS.keys).optional() }),
        response: { 200: z.array(orgDto) },
      },
    },
    async (request) => {
      const q = ctx.db.select().from(organisations);
      const rows = await (request.query.kind ? q.where(eq(organisations.kind, request.query.kind)) : q).orderBy(asc(organisations.name));
      return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind as never, regionCode: o.regionCode }));
    },
  );

  r.get('/api/people', { config, schema: { tags: ['reference'], summary: '人员 People', response: { 200: z.array(personDto) } } }, async () => {
    const rows = await ctx.db.select().from(people).orderBy(asc(people.name));
    return rows.map((p) => ({ id: p.id, name: p.name, title: p.title, orgId: p.orgId }));
  });

  r.get('/api/chains', { config, schema: { tags: ['reference'], summary: '产业链 Industrial chains', response: { 200: z.array(chainDto) } } }, async () => {
    const rows = await ctx.db.select().from(industrialChains).orderBy(asc(industrialChains.name));
    return rows.map((c) => ({ id: c.id, name: c.name, leaderPersonId: c.leaderPersonId }));
  });
}
