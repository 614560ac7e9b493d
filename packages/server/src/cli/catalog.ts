/**
 * What the PostgreSQL catalog says about Pacer's tables. Backup and restore read columns and
 * keys from the live database rather than from the drizzle schema, so a dump always matches
 * the schema it was taken from, whichever version of the code reads it.
 */
import { queryRows, sql, type Db } from '../db/client.ts';
import { NOT_BACKED_UP, TABLES_IN_ORDER } from '../db/schema.ts';

export type TableName = (typeof TABLES_IN_ORDER)[number];

/** `public.<table>` for SQL; table names come from TABLES_IN_ORDER, never from input. */
export const qualified = (table: TableName) => sql.raw(`public.${table}`);

export interface Column {
  name: string;
  /** As format_type() prints it, e.g. `timestamp with time zone`, `text[]`. */
  type: string;
}

/** Plain lower-case identifiers need no quoting in the dump; anything else is refused. */
export const SIMPLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** The app tables that exist in this database, parents first. */
export async function existingTables(db: Db): Promise<TableName[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
  const present = new Set(rows.map((r) => r.name));
  return TABLES_IN_ORDER.filter((t) => present.has(t));
}

/** Tables in `public` that neither TABLES_IN_ORDER nor NOT_BACKED_UP names: a backup would silently miss them. */
export async function unlistedTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const listed = new Set<string>([...TABLES_IN_ORDER, ...NOT_BACKED_UP]);
  return rows.map((r) => r.name).filter((n) => !listed.has(n));
}

export async function tableColumns(db: Db, table: string): Promise<Column[]> {
  return queryRows<Column>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
        from pg_attribute a
        where a.attrelid = ${`public.${table}`}::text::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum`,
  );
}

export async function primaryKeyColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select a.attname as name
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${table}`}::text::regclass and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`,
  );
  return rows.map((r) => r.name);
}

export interface TableCount {
  table: TableName;
  rows: number;
}

/** Rows per app table; a table not created yet counts as empty. */
export async function tableCounts(db: Db): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of await existingTables(db)) {
    const [row] = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from ${qualified(table)}`);
    counts.push({ table, rows: Number(row?.n ?? 0) });
  }
  return counts;
}

export const describeCounts = (counts: TableCount[]) => counts.map((c) => `${c.table} ${c.rows} 行`).join('，');
