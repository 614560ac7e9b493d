/**
 * The latest_reports rollup in tests: what it should hold, computed from the reports alone with
 * SQL of its own (not the triggers'), and what it holds — the two compare equal when it is exact.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/client.ts';

/** Per project and year, the period ends and YTDs of its three latest counting reports. */
export function rollupFromScratch(db: Db) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select project_id::text, year, array_agg(period_end::text order by n) as ends, array_agg(ytd_yuan::text order by n) as ytds
        from (select project_id, year, period_end, ytd_yuan,
                     row_number() over (partition by project_id, year order by period_end desc, updated_at desc, period_start desc) as n
                from progress_reports where status in ('submitted', 'approved')) r
        where n <= 3 group by 1, 2 order by 1, 2`,
  );
}

/** The same shape read from latest_reports. */
export function rollupAsKept(db: Db) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select project_id::text, year,
               array_remove(array[first_end::text, second_end::text, third_end::text], null) as ends,
               array_remove(array[first_ytd_yuan::text, second_ytd_yuan::text, third_ytd_yuan::text], null) as ytds
        from latest_reports where first_end is not null order by 1, 2`,
  );
}
