/**
 * The working-day calendar (工作日历) deadlines are counted on: the State Council's holiday
 * notices as shipped, replaced year by year by what the office configures.
 */
import { CHINA_HOLIDAYS, type HolidayCalendar, type YearCalendar } from '@pacer/domain';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workCalendars } from '../../db/schema.ts';

/** Built-in years overlaid with the configured ones; read per use, the table is a few rows. */
export async function holidayCalendar(db: Db): Promise<HolidayCalendar> {
  const rows = await db.select().from(workCalendars).orderBy(asc(workCalendars.year));
  const calendar: HolidayCalendar = { ...CHINA_HOLIDAYS };
  for (const r of rows) calendar[r.year] = { holidays: [...r.holidays].sort(), workdays: [...r.workdays].sort() };
  return calendar;
}

export async function yearCalendar(db: Db, year: number): Promise<YearCalendar & { year: number; configured: boolean; builtIn: boolean }> {
  const calendar = await holidayCalendar(db);
  const configured = (await db.select({ year: workCalendars.year }).from(workCalendars)).some((r) => r.year === year);
  const y = calendar[year] ?? { holidays: [], workdays: [] };
  return { year, holidays: y.holidays, workdays: y.workdays, configured, builtIn: year in CHINA_HOLIDAYS };
}
