/** Helpers for the CLI tests: whole-database snapshots and hand-edited backup files. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queryRows, sql, type Db } from '../db/client.ts';
import { existingTables, primaryKeyColumns, qualified, tableColumns } from './catalog.ts';
import { END_MARKER } from './dump-format.ts';

/** Every app table's rows as text, in key order and UTC, so two databases compare exactly. */
export async function snapshot(db: Db): Promise<Record<string, (string | null)[][]>> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, (string | null)[][]> = {};
    for (const table of await existingTables(tx)) {
      const columns = await tableColumns(tx, table);
      const key = await primaryKeyColumns(tx, table);
      const select = sql.raw(columns.map((c, i) => `"${c.name}"::text as c${i}`).join(', '));
      // Keys compared as text in the C collation: the same order on every server.
      const order = sql.raw(key.map((k) => `"${k}"::text collate "C"`).join(', '));
      const rows = await queryRows<Record<string, string | null>>(tx, sql`select ${select} from ${qualified(table)} order by ${order}`);
      out[table] = rows.map((r) => columns.map((_, i) => r[`c${i}`] ?? null));
    }
    return out;
  });
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-cli-test-'));
}

/**
 * Rewrites a backup's lines and then its checksum, to make a file that is well-formed but
 * says something else (a newer schema, a bad value): what only the later checks can catch.
 */
export function editDump(file: string, edit: (lines: string[]) => string[]): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('-- sha256 '));
  const body = edit(lines.slice(0, at));
  const hash = createHash('sha256');
  for (const l of body) hash.update(`${l}\n`);
  fs.writeFileSync(file, [...body, `-- sha256 ${hash.digest('hex')}`, END_MARKER, ''].join('\n'));
}

/** The dump without the lines that differ between two backups of equal data. */
export function dumpBody(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^-- (created-at|source|sha256)/.test(l))
    .join('\n');
}
