import { apiError } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { notFound } from '../../http/errors.ts';
import { accountDto, addUser, listUsers, newUserInput, setUserDisabled } from './service.ts';

export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'users:manage' as const };
  const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

  r.get('/api/users', { config, schema: { tags: ['users'], summary: '用户列表 Users', response: { 200: z.array(accountDto), ...errors } } }, async () =>
    listUsers(ctx.db),
  );

  r.post(
    '/api/users',
    { config, schema: { tags: ['users'], summary: '新建用户 Add user', body: newUserInput, response: { 201: accountDto, ...errors } } },
    async (request, reply) => reply.status(201).send(await addUser(ctx.db, request.body)),
  );

  r.patch(
    '/api/users/:id',
    {
      config,
      schema: {
        tags: ['users'],
        summary: '停用或启用用户 Disable or enable',
        params: z.object({ id: z.uuid() }),
        body: z.object({ disabled: z.boolean() }),
        response: { 200: accountDto, ...errors },
      },
    },
    async (request) => {
      const account = await setUserDisabled(ctx.db, request.params.id, request.body.disabled);
      if (!account) throw notFound('用户');
      return account;
    },
  );
}
