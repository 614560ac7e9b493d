/**
 * Bulk loading with COPY on both engines, in bounded chunks so memory stays flat:
 * PGlite reads each chunk from a Blob (`FROM '/dev/blob'`), PostgreSQL from a stream.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../src/db/client.ts';

export interface Sink {
  /** Copies CSV lines (see csv.ts) into a table; returns the number of rows. */
  copy(table: string, columns: readonly string[], lines: Iterable<string>): Promise<number>;
  /** Runs a statement (setval, analyze). */
  exec(sql: string): Promise<void>;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/** Groups lines into strings of about CHUNK_BYTES so neither engine sees millions of tiny writes. */
function* chunks(lines: Iterable<string>, counter: { rows: number }): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length * 2;
    counter.rows++;
    if (size >= CHUNK_BYTES) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${source} WITH (FORMAT csv)`;

export async function openSink(database: Database): Promise<Sink> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'pglite') {
    const pglite = client as { query(sql: string, params?: unknown[], opts?: { blob?: Blob }): Promise<unknown>; exec(sql: string): Promise<unknown> };
    return {
      async copy(table, columns, lines) {
        const counter = { rows: 0 };
        for (const chunk of chunks(lines, counter)) await pglite.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([chunk]) });
        return counter.rows;
      },
      async exec(sql) {
        await pglite.exec(sql);
      },
    };
  }
  const { from: copyFrom } = await import('pg-copy-streams');
  const pool = client as import('pg').Pool;
  return {
    async copy(table, columns, lines) {
      const counter = { rows: 0 };
      const conn = await pool.connect();
      try {
        await pipeline(Readable.from(chunks(lines, counter)), conn.query(copyFrom(copySql(table, columns, 'STDIN'))));
      } finally {
        conn.release();
      }
      return counter.rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
  };
}
