/**
 * Report rows through hand-written SQL, read exactly as drizzle reads them, and a version's data
 * built inside the same statement that writes the report — so a save or a submit and its version
 * row are one atomic statement, and one round trip.
 */
import { and, eq, getTableColumns, notInArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { buildStatement, type BuiltStatement, type Db } from '../../db/client.ts';
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
export function withVersion(write: SQL, action: string, userId: string | Placeholder): SQL {
  return sql`with saved as (${write}),
    kept as (
      insert into report_versions (report_id, version, action, status, data, user_id)
      select s.id, s.version, ${action}, s.status, ${SAVED_DATA}, ${userId}::uuid from saved s
    )
    select * from saved`;
}

/** The version data of `saved`, as text once: it has no parameters, and every save and submit needs it. */
const SAVED_DATA = sql.raw(new PgDialect().sqlToQuery(versionData('s')).sql);

/** Reports in these states are not changed by a save or a submit: a reviewer returns them first. */
export const LOCKED_STATUSES = ['submitted', 'approved'];

/** What a save or a submit writes, by name: the values of reportWrite()'s placeholders. */
export interface ReportWriteValues {
  periodYuan: number;
  ytdYuan: number;
  sinceStartYuan: number;
  paidYtdYuan: number | null;
  physicalProgress: string;
  problems: string;
  milestones: unknown;
  findings: unknown;
  now: Date;
  userId: string;
}

const P = (name: keyof ReportWriteValues | 'id' | 'version' | 'nextVersion' | 'projectId' | 'periodKind' | 'periodStart' | 'periodEnd' | 'year') => sql.placeholder(name);

/**
 * The write of a save or a submit with its version row, as one statement (withVersion): an update
 * of the report read (only if it is still that version and not locked) or the period's first
 * insert. Built once per shape with placeholders — drizzle took ~0.2 ms of CPU to build it on
 * every request of the Friday rush — and run with runStatement(db, write, values).
 */
export function reportWrite(db: Db, existing: boolean, submitting: boolean): BuiltStatement {
  const key = `${existing ? 'update' : 'insert'} ${submitting ? 'submit' : 'save'}`;
  let built = writes.get(key);
  if (!built) writes.set(key, (built = buildStatement(db, reportWriteSql(db, existing, submitting))));
  return built;
}

/** The text is the same for every database (one dialect), so one build serves them all. */
const writes = new Map<string, BuiltStatement>();

function reportWriteSql(db: Db, existing: boolean, submitting: boolean): SQL {
  const values = {
    periodYuan: P('periodYuan'),
    ytdYuan: P('ytdYuan'),
    sinceStartYuan: P('sinceStartYuan'),
    paidYtdYuan: P('paidYtdYuan'),
    physicalProgress: P('physicalProgress'),
    problems: P('problems'),
    milestones: P('milestones'),
    findings: P('findings'),
    updatedAt: P('now'),
    ...(submitting ? { status: 'submitted', submittedAt: P('now'), submittedBy: P('userId'), returnReason: null } : {}),
  };
  const write = existing
    ? db
        .update(progressReports)
        // set() takes placeholders as values() does (each becomes a parameter encoded by its
        // column when filled); only its type leaves them out.
        .set({ ...values, version: P('nextVersion') } as unknown as Partial<ReportRow>)
        .where(and(eq(progressReports.id, P('id')), eq(progressReports.version, P('version')), notInArray(progressReports.status, LOCKED_STATUSES)))
        .returning()
    : db
        .insert(progressReports)
        .values({ ...values, projectId: P('projectId'), periodKind: P('periodKind'), periodStart: P('periodStart'), periodEnd: P('periodEnd'), year: P('year'), createdBy: P('userId') })
        .onConflictDoNothing()
        .returning();
  return withVersion(write.getSQL(), submitting ? 'submit' : 'save', P('userId'));
}
