import { addWorkingDays, apiError, calendarProblem, isoDate, isWorkingDay, workingDaysBetween } from '@pacer/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { workCalendars } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';
import { holidayCalendar, yearCalendar } from './service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const yearDto = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), configured: z.boolean(), builtIn: z.boolean() });
const dates = z.array(isoDate).max(80).transform((l) => [...new Set(l)].sort());

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/api/calendar/:year',
    { config: { permission: 'signedIn' }, schema: { tags, summary: '某年工作日历 Holidays and adjusted working days of a year', params: yearParams, response: { 200: yearDto, ...errors } } },
    async (req) => yearCalendar(ctx.db, req.params.year),
  );

  r.put(
    '/api/calendar/:year',
    {
      config: { permission: 'dispatch:settings' },
      schema: {
        tags,
        summary: '设置某年节假日与调休 Configure a year',
        description: '按国务院办公厅当年通知填写：holidays 为放假的工作日，workdays 为调休上班的周末。',
        params: yearParams,
        body: z.object({ holidays: dates, workdays: dates }),
        response: { 200: yearDto, ...errors },
      },
    },
    async (req) => {
      const problem = calendarProblem(req.params.year, req.body);
      if (problem) throw fieldError(['holidays'], problem);
      const values = { ...req.body, updatedBy: req.user!.id, updatedAt: ctx.now() };
      await ctx.db
        .insert(workCalendars)
        .values({ year: req.params.year, ...values })
        .onConflictDoUpdate({ target: workCalendars.year, set: values });
      return yearCalendar(ctx.db, req.params.year);
    },
  );

  r.get(
    '/api/calendar/working-days',
    {
      config: { permission: 'signedIn' },
      schema: {
        tags,
        summary: '工作日推算 Working-day arithmetic',
        description: '给 days：从 from 起算 days 个工作日后的日期（交办期限预览）；给 to：两日之间的工作日数。',
        querystring: z.object({ from: isoDate, days: z.coerce.number().int().min(0).max(365).optional(), to: isoDate.optional() }),
        response: { 200: z.object({ from: z.string(), date: z.string().nullable(), workingDays: z.number().nullable(), fromIsWorkingDay: z.boolean() }), ...errors },
      },
    },
    async (req) => {
      const calendar = await holidayCalendar(ctx.db);
      const { from, days, to } = req.query;
      return {
        from,
        date: days === undefined ? null : addWorkingDays(from, days, calendar),
        workingDays: to === undefined ? null : workingDaysBetween(from, to, calendar),
        fromIsWorkingDay: isWorkingDay(from, calendar),
      };
    },
  );
}
