/**
 * 本年累计 of a project as of a date: the YTD of its latest counting report (submitted or
 * approved) of the year that ended by the date — latest by period end, then last change, then
 * period start. Every figure (stats, dashboard, boards, bulletins, agenda) asks this per project.
 */
import { sql, type SQL } from 'drizzle-orm';
import { COUNTING_STATUSES } from '../reports/context.ts';

const counting = () =>
  sql.join(
    COUNTING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );

/** The order that decides "latest": a total order, so the rollup and the reports always agree. */
const LATEST_FIRST = sql`r.period_end desc, r.updated_at desc, r.period_start desc`;

/** Straight from the reports: one index probe per project (`reports_latest_idx`). */
export function ytdFromReports(project: SQL, year: number, asOf: string): SQL {
  return sql`(select r.ytd_yuan from progress_reports r
      where r.project_id = ${project} and r.year = ${year} and r.period_end <= ${asOf} and r.status in (${counting()})
      order by ${LATEST_FIRST} limit 1)`;
}

/**
 * Through the rollup (`latest_reports`, kept by triggers): the first of the project's three
 * latest reports that ended by the date. Only when all three ended later — a date in the past —
 * are the reports asked, so figures for any date stay exact. `alias` names the joined rollup row.
 */
export function ytdAsOf(alias: string, project: SQL, year: number, asOf: string): { join: SQL; ytd: SQL } {
  const l = sql.raw(alias);
  return {
    join: sql`left join latest_reports ${l} on ${l}.project_id = ${project} and ${l}.year = ${year}`,
    ytd: sql`coalesce(case
        when ${l}.first_end <= ${asOf} then ${l}.first_ytd_yuan
        when ${l}.second_end <= ${asOf} then ${l}.second_ytd_yuan
        when ${l}.third_end <= ${asOf} then ${l}.third_ytd_yuan
        when ${l}.third_end is not null then ${ytdFromReports(project, year, asOf)}
      end, 0)`,
  };
}
