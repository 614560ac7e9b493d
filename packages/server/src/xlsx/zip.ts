/**
 * The zip container of an .xlsx, read defensively: the central directory is checked against
 * limits before anything is inflated, and every inflated byte is counted, so a zip bomb (or a
 * header that lies about sizes) is refused long before it can fill memory.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FileRefusal } from './refusal.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Entries in the archive (an .xlsx has a few dozen). */
  maxEntries: number;
  /** Bytes after inflating all parts read, in total. */
  maxUnzippedBytes: number;
  /** Inflated / compressed for an entry above 1 MB; real sheets stay far below. */
  maxRatio: number;
}

/** What is left of the inflate allowance while reading one file. */
export interface InflateBudget {
  remaining: number;
  limit: number;
}

export const inflateBudget = (limits: ZipLimits): InflateBudget => ({ remaining: limits.maxUnzippedBytes, limit: limits.maxUnzippedBytes });

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const BROKEN = '文件已损坏或不是完整的 .xlsx 文件，请在 Excel 中打开后重新"另存为 .xlsx"';

/** The entries of a zip held in memory, checked against the limits. */
export function readZipDirectory(buf: Buffer, limits: ZipLimits): Map<string, ZipEntry> {
  const end = findEndRecord(buf);
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new FileRefusal('文件使用了 ZIP64 格式（超过 4 GB 的表格），超出导入上限');
  if (count > limits.maxEntries) throw new FileRefusal(`压缩包内有 ${count} 个部件，超出上限 ${limits.maxEntries}，不像是普通的 Excel 文件`);
  if (offset + size > buf.length) throw new FileRefusal(BROKEN);
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  for (let p = offset, i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new FileRefusal(BROKEN);
    const flags = buf.readUInt16LE(p + 8);
    const entry: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28)),
      localOffset: buf.readUInt32LE(p + 42),
    };
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1) throw new FileRefusal('文件已加密（设置了打开密码），请取消密码后再导入');
    if (entry.method !== 0 && entry.method !== 8) throw new FileRefusal(BROKEN);
    if (entry.size > 1_000_000 && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new FileRefusal(`文件中的 ${entry.name} 压缩比异常（${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1），疑似"压缩炸弹"，已拒绝`);
    }
    declared += entry.size;
    entries.set(entry.name, entry);
  }
  if (declared > limits.maxUnzippedBytes) throw tooBig(limits.maxUnzippedBytes);
  return entries;
}

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) if (buf.readUInt32LE(p) === EOCD) return p;
  throw new FileRefusal(BROKEN);
}

const tooBig = (limit: number) => new FileRefusal(`文件解压后超过 ${Math.round(limit / 1024 / 1024)} MB 的上限，疑似"压缩炸弹"或表格过大，已拒绝`);

/** The compressed bytes of an entry, located through its local header. */
function compressedSlice(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new FileRefusal(BROKEN);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new FileRefusal(BROKEN);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Inflates an entry chunk by chunk. More bytes than the directory declared, or than the
 * budget allows, stop it at once.
 */
export async function* inflateEntry(buf: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const data = compressedSlice(buf, e);
  const source = e.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      budget.remaining -= chunk.length;
      if (total > e.size) throw new FileRefusal(`文件中的 ${e.name} 实际大小与声明不符，疑似被篡改或"压缩炸弹"，已拒绝`);
      if (budget.remaining < 0) throw tooBig(budget.limit);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof FileRefusal) throw err;
    throw new FileRefusal(BROKEN);
  } finally {
    source.destroy();
  }
}

/** A whole (small) entry as text. */
export async function readEntryText(buf: Buffer, e: ZipEntry, budget: InflateBudget): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(buf, e, budget)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
