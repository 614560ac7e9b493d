/**
 * Report rows through hand-written SQL, read exactly as drizzle reads them, and a version's data
 * built inside the same statement that writes the report — so a save or a submit and its version
 * row are one atomic statement, and one round trip.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { progressReports } from '../../db/schema.ts';

export type ReportRow = typeof progressReports.$inferSelect;

const COLUMNS = Object.entries(getTableColumns(progressReports));

/** A row of `returning *` / `select r.*` as drizzle's select() would give it. */
export function reportFromRaw(raw: Record<string, unknown>): ReportRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of COLUMNS) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as ReportRow;
}

/**
 * The report as a version keeps it: every column but the id under its field name, as
 * JSON.stringify writes the row drizzle reads (timestamps as ISO strings in UTC with
 * milliseconds), so versions written here match those written from a row in JavaScript.
 */
export function versionData(alias: string): SQL {
  const a = sql.raw(alias);
  const pairs = COLUMNS.filter(([key]) => key !== 'id').map(([key, column]) => {
    const value = sql`${a}.${sql.identifier(column.name)}`;
    const json = column.columnType === 'PgTimestamp' ? sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : value;
    return sql`${sql.raw(`'${key}'`)}, ${json}`;
  });
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * Runs a statement that writes reports (`returning *`) as the CTE `saved`, keeps a version of
 * each written row in the same statement, and returns the rows written.
 */
export function withVersion(write: SQL, action: string, userId: string): SQL {
  return sql`with saved as (${write}),
    kept as (
      insert into report_versions (report_id, version, action, status, data, user_id)
      select s.id, s.version, ${action}, s.status, ${SAVED_DATA}, ${userId}::uuid from saved s
    )
    select * from saved`;
}

/** The version data of `saved`, as text once: it has no parameters, and every save and submit needs it. */
const SAVED_DATA = sql.raw(new PgDialect().sqlToQuery(versionData('s')).sql);
