/**
 * The backup file: plain SQL that `psql -f` can load into a migrated database, and that
 * `pacer restore` reads back itself. Layout:
 *
 *   -- key: value           header comments (format, Pacer version, date, source, schema)
 *   SET …; BEGIN;
 *   COPY public.t (a, b) FROM stdin;   one block per table, PostgreSQL COPY text format
 *   …rows…  \.
 *   COMMIT;
 *   -- rows <table> <n>      one per table, so restore can verify what it loaded
 *   -- sha256 <hex>          of every line above, so corruption is caught before loading
 *   -- end of Pacer backup   a truncated file lacks this line
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { CliError } from './context.ts';
import { SIMPLE_NAME } from './catalog.ts';

export const FORMAT = 'pacer-backup 1';
export const END_MARKER = '-- end of Pacer backup';

export interface DumpHeader {
  pacerVersion: string;
  createdAt: string;
  source: string;
  schemaCount: number;
  schemaLastHash: string;
}

export function headerLines(h: DumpHeader): string[] {
  return [
    '-- Pacer 领跑 数据备份 (logical backup)',
    `-- format: ${FORMAT}`,
    `-- pacer-version: ${h.pacerVersion}`,
    `-- created-at: ${h.createdAt}`,
    `-- source: ${h.source}`,
    `-- schema-migrations: ${h.schemaCount}`,
    `-- schema-last-hash: ${h.schemaLastHash}`,
    '--',
    '-- 恢复 Restore: pacer restore <本文件 this file>',
    '-- 或在已执行 pacer migrate 的空库上 Or into an empty migrated database: psql -v ON_ERROR_STOP=1 -f <本文件>',
    '-- 文件含账号密码哈希，请妥善保管。Contains password hashes: keep it private.',
    '',
    "SET client_encoding = 'UTF8';",
    "SET datestyle = 'ISO, YMD';",
    "SET timezone = 'UTC';",
    'BEGIN;',
  ];
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** One value in COPY text format: \N for null; backslash and control characters escaped. */
export function encodeField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r\b\f\v]/g, (c) => ESCAPES[c]!);
}

const UNESCAPES: Record<string, number> = { b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** The inverse of encodeField, plus the octal and hex escapes COPY also accepts. */
export function decodeField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  // Octal and hex escapes are bytes, so assemble bytes and decode UTF-8 once at the end.
  const bytes: number[] = [];
  const pushText = (s: string) => bytes.push(...Buffer.from(s, 'utf8'));
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      const cp = raw.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      pushText(ch);
      i += ch.length - 1;
      continue;
    }
    const next = raw[++i];
    if (next === undefined) throw new RangeError('值以单个反斜杠结尾');
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i, i + 3));
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 1, i + 3)) : null;
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += hex[0].length;
    } else if (next in UNESCAPES) {
      bytes.push(UNESCAPES[next]!);
    } else {
      pushText(next);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Something wrong with the file itself; nothing has been changed when this is raised. */
export class DumpError extends CliError {
  constructor(why: string) {
    super(`备份文件不可用，未做任何更改。${why}`);
  }
}

export type DumpEvent =
  | { kind: 'header'; header: DumpHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; values: (string | null)[] };

export interface DumpSummary {
  header: DumpHeader;
  tables: { table: string; columns: string[]; rows: number }[];
}

const COPY_LINE = /^COPY public\.([a-z_][a-z0-9_]*) \(([a-z0-9_, ]+)\) FROM stdin;$/;
const HEADER_LINE = /^-- ([a-z-]+): (.*)$/;

/**
 * Reads a dump line by line, yielding its header, tables and rows, and throws a DumpError at
 * the first thing out of place, including (at the end) a missing trailer or a wrong checksum.
 * Consumers load inside a transaction, so a late throw still undoes everything.
 */
export async function* readDump(file: string, summary?: DumpSummary): AsyncGenerator<DumpEvent> {
  if (!fs.existsSync(file)) throw new CliError(`找不到备份文件 ${file}`);
  const input = fs.createReadStream(file, 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    yield* parseLines(lines, summary);
  } finally {
    // Also when the consumer stops early (a failed insert): release the file at once.
    lines.close();
    input.destroy();
  }
}

async function* parseLines(lines: readline.Interface, summary?: DumpSummary): AsyncGenerator<DumpEvent> {
  const hash: Hash = createHash('sha256');
  const fields = new Map<string, string>();
  const tables: DumpSummary['tables'] = [];
  const trailerRows = new Map<string, number>();
  let state: 'header' | 'body' | 'copy' | 'trailer' | 'done' = 'header';
  let current: DumpSummary['tables'][number] | undefined;
  let checksum: string | undefined;
  let n = 0;
  const fail = (why: string): never => {
    throw new DumpError(`第 ${n} 行：${why}`);
  };

  const iterator = lines[Symbol.asyncIterator]();
  const truncated = () => new DumpError(`文件不完整（在第 ${n} 行处中断，缺少结束标记），可能在复制或备份时被截断`);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const line = next.value;
    n++;
    if (state === 'done') {
      if (line.trim() !== '') fail('结束标记之后还有内容');
      continue;
    }
    if (state === 'trailer' && line.startsWith('-- sha256 ')) {
      checksum = line.slice('-- sha256 '.length);
      continue;
    }
    if (checksum === undefined) hash.update(`${line}\n`);
    else if (line === END_MARKER) {
      state = 'done';
      continue;
    } else fail('校验和之后应是结束标记');

    if (state === 'copy') {
      if (line === '\\.') {
        state = 'body';
        continue;
      }
      const raw = line.split('\t');
      if (raw.length !== current!.columns.length) {
        // A short last line is a cut-off file, which deserves that name rather than this one.
        if ((await iterator.next()).done) throw truncated();
        fail(`表 ${current!.table} 的一行有 ${raw.length} 个值，应为 ${current!.columns.length} 个`);
      }
      let values: (string | null)[] = [];
      try {
        values = raw.map(decodeField);
      } catch (err) {
        // So is a last line cut inside an escape (after a backslash).
        if ((await iterator.next()).done) throw truncated();
        fail((err as Error).message);
      }
      current!.rows++;
      yield { kind: 'row', values };
    } else if (state === 'header') {
      const kv = HEADER_LINE.exec(line);
      if (kv) fields.set(kv[1]!, kv[2]!);
      else if (line === 'BEGIN;') {
        state = 'body';
        yield { kind: 'header', header: parseHeader(fields) };
      } else if (!(line === '' || line.startsWith('--') || /^SET [a-z_]+ = '[^']*';$/.test(line))) fail('文件头应只有注释和 SET 语句，不像 Pacer 备份');
    } else if (state === 'body') {
      const copy = COPY_LINE.exec(line);
      if (copy) {
        const columns = copy[2]!.split(', ');
        if (!columns.every((c) => SIMPLE_NAME.test(c))) fail('列名不正确');
        if (tables.some((t) => t.table === copy[1])) fail(`表 ${copy[1]} 出现了两次`);
        current = { table: copy[1]!, columns, rows: 0 };
        tables.push(current);
        state = 'copy';
        yield { kind: 'table', table: current.table, columns };
      } else if (line === 'COMMIT;') state = 'trailer';
      else if (line !== '') fail('应为 COPY 块或 COMMIT;');
    } else {
      const rows = /^-- rows ([a-z_][a-z0-9_]*) (\d+)$/.exec(line);
      if (rows) trailerRows.set(rows[1]!, Number(rows[2]));
      else if (line !== '') fail('文件尾格式不对');
    }
  }

  if (state === 'header') throw new DumpError('没有找到 BEGIN;，这不是 Pacer 备份文件或文件不完整');
  if (state !== 'done') throw truncated();
  if (hash.digest('hex') !== checksum) throw new DumpError('校验和不符：文件在备份之后被改动或已损坏');
  for (const t of tables) {
    const expected = trailerRows.get(t.table);
    if (expected !== t.rows) throw new DumpError(`表 ${t.table} 有 ${t.rows} 行，文件尾记录为 ${expected ?? '（无）'}`);
  }
  if (trailerRows.size !== tables.length) throw new DumpError('文件尾记录的表与正文不一致');
  if (summary) {
    summary.header = parseHeader(fields);
    summary.tables = tables;
  }
}

function parseHeader(fields: Map<string, string>): DumpHeader {
  const format = fields.get('format');
  if (format !== FORMAT) {
    throw new DumpError(format ? `备份格式"${format}"不受本版本支持（支持 ${FORMAT}）` : '缺少格式标记，这不是 Pacer 备份文件');
  }
  const schemaCount = Number(fields.get('schema-migrations'));
  const schemaLastHash = fields.get('schema-last-hash') ?? '';
  if (!Number.isInteger(schemaCount) || schemaCount < 1 || !/^[0-9a-f]{64}$/.test(schemaLastHash)) {
    throw new DumpError('文件头缺少数据库结构版本（schema-migrations / schema-last-hash）');
  }
  return {
    pacerVersion: fields.get('pacer-version') ?? '?',
    createdAt: fields.get('created-at') ?? '?',
    source: fields.get('source') ?? '?',
    schemaCount,
    schemaLastHash,
  };
}

/** Pass one: reads the whole file and returns what it holds, or throws why it is unusable. */
export async function scanDump(file: string): Promise<DumpSummary> {
  const summary = {} as DumpSummary;
  for await (const _ of readDump(file, summary)) {
    // Only validation and counting; loading is pass two.
  }
  return summary;
}
