/**
 * The rows of a long Word table written as WordprocessingML text rather than as `docx` objects.
 *
 * `docx` builds an object for every row, cell, paragraph and run and then walks them all to
 * write XML: for a province's 47,000 projects that is millions of objects, most of the time and
 * memory of the whole bulletin. Here `docx` still writes the document, the table with its
 * properties, grid and header, and one *template row* whose cells hold tokens. The packed
 * document is then opened, the template row is cut at its tokens into the fixed markup around
 * the cells' texts, and every data row is written as that markup with its own texts in between.
 * So each row is exactly what `docx` writes for the same cells (fonts, sizes, alignment), and the
 * cells' look is still set in one place, docx.ts.
 *
 * Why post-process the packed document rather than hand `docx` the rows' XML: `docx` has no way
 * to pass markup through (its writer escapes every string), and its `ImportedXmlComponent`
 * parses the XML back into one component per element — the very cost this removes.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';

const DOCUMENT_PART = 'word/document.xml';
/** Bytes of rows handed to the compressor at a time: memory stays flat however long the table. */
const CHUNK_BYTES = 1 << 20;
/** What one UTF-16 unit of a cell's text can take once escaped and encoded ("&quot;"). */
const MAX_BYTES_PER_UNIT = 6;

/** Tokens for the template row's cells: letters and digits only, so `docx` writes them as they are. */
export interface RowTemplate {
  tokens: string[];
}

export function rowTemplate(columns: number): RowTemplate {
  const id = randomUUID().replaceAll('-', '');
  return { tokens: Array.from({ length: columns }, (_, i) => `PACERROW${id}C${i}`) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/**
 * Text as `docx` writes it in a `w:t`: the five XML specials as entities, and the control
 * characters XML 1.0 does not allow dropped (a name pasted from another system may carry one).
 */
export function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c] ?? '');
}

/** The template row in the document's XML, cut into the markup before, between and after its cells' texts. */
function templatePieces(xml: string, template: RowTemplate): { start: number; end: number; pieces: string[] } {
  const first = xml.indexOf(template.tokens[0]!);
  if (first < 0 || xml.includes(template.tokens[0]!, first + 1)) throw new Error('通报生成失败：项目表模板行缺失或重复');
  const start = xml.lastIndexOf('<w:tr>', first);
  const end = xml.indexOf('</w:tr>', first) + '</w:tr>'.length;
  const row = xml.slice(start, end);
  const pieces: string[] = [];
  let from = 0;
  for (const token of template.tokens) {
    const at = row.indexOf(token, from);
    if (at < 0) throw new Error('通报生成失败：项目表模板行不完整');
    pieces.push(row.slice(from, at));
    from = at + token.length;
  }
  pieces.push(row.slice(from));
  return { start, end, pieces };
}

/**
 * The document's XML as UTF-8 chunks with the rows in place of the template row. Written as
 * bytes: the markup is encoded once, and only the cells' texts are encoded per row (encoding
 * the whole XML as one string, mostly markup, took longer than building it).
 */
function* documentBytes(head: string, pieces: string[], rows: Iterable<string[]>, tail: string): Generator<Buffer> {
  yield Buffer.from(head);
  const markup = pieces.map((p) => Buffer.from(p));
  const markupBytes = markup.reduce((n, m) => n + m.length, 0);
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  for (const cells of rows) {
    if (cells.length !== markup.length - 1) throw new Error(`通报生成失败：项目表每行应有${markup.length - 1}格，实有${cells.length}格`);
    const room = markupBytes + cells.reduce((n, c) => n + c.length * MAX_BYTES_PER_UNIT, 0);
    if (at + room > chunk.length) {
      yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room));
      at = 0;
    }
    at += markup[0]!.copy(chunk, at);
    for (let i = 0; i < cells.length; i++) {
      at += chunk.write(escapeText(cells[i]!), at);
      at += markup[i + 1]!.copy(chunk, at);
    }
  }
  yield chunk.subarray(0, at);
  yield Buffer.from(tail);
}

interface Deflated {
  chunks: Buffer[];
  size: number;
  crc: number;
}

/**
 * DEFLATE with Node's zlib, as the zip format wants it (raw, with the CRC-32 and size of the
 * input). zlib runs on the thread pool, several times faster than `docx`'s JavaScript deflate on
 * the tens of megabytes of a province's table, and the rows are written as it asks for them.
 */
async function deflate(source: Iterable<Buffer>): Promise<Deflated> {
  const out: Deflated = { chunks: [], size: 0, crc: 0 };
  const counted = function* () {
    for (const b of source) {
      out.size += b.length;
      out.crc = zlib.crc32(b, out.crc);
      yield b;
    }
  };
  await pipeline(Readable.from(counted(), { objectMode: false }), zlib.createDeflateRaw({ level: 6 }), async (compressed: AsyncIterable<Buffer>) => {
    for await (const c of compressed) out.chunks.push(c);
  });
  return out;
}

/** A zip entry whose data is already deflated. */
function addDeflated(zip: Zip, filename: string, data: Deflated) {
  const entry: ZipInputFile = { filename, compression: 8, size: data.size, crc: data.crc };
  zip.add(entry);
  // zlib's output buffers are plain ArrayBuffers, never shared ones, whatever Buffer's type says.
  data.chunks.forEach((c, i) => entry.ondata!(null, c as Uint8Array<ArrayBuffer>, i === data.chunks.length - 1));
  if (!data.chunks.length) entry.ondata!(null, new Uint8Array(0), true);
}

/**
 * The packed document with its template row replaced by `rows` (as many texts each as the
 * template has cells). The other parts are written again as they were, in the same order.
 */
export async function fillTemplateRow(packed: Uint8Array, template: RowTemplate, rows: Iterable<string[]>): Promise<Buffer> {
  const parts = unzipSync(packed);
  const xml = new TextDecoder().decode(parts[DOCUMENT_PART]);
  const { start, end, pieces } = templatePieces(xml, template);
  const document = await deflate(documentBytes(xml.slice(0, start), pieces, rows, xml.slice(end)));
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else out.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === DOCUMENT_PART) {
      addDeflated(zip, name, document);
      continue;
    }
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(out);
}
