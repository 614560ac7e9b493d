/**
 * Streaming XML over inflated chunks (saxes): constant memory however large the part.
 * Namespace prefixes are dropped ("x:row" → "row"), as some generators write them.
 * saxes expands no entities from a DTD, so "billion laughs" cannot grow in memory.
 */
import { SaxesParser } from 'saxes';
import { AppError } from '../http/errors.ts';
import { FileRefusal } from './refusal.ts';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Attribute by local name ("r:id" answers to "id" only when asked with its prefix-free name). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  // for…in rather than Object.keys: asked of every cell for an attribute it usually lacks.
  for (const k in attrs) if (local(k) === name) return attrs[k];
  return undefined;
}

/** A push parser: write inflated chunks as they come; handlers run synchronously inside write. */
export function createXmlParser(h: XmlHandlers): { write(chunk: Buffer): void; end(): void } {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  // After the first error saxes reads on; the handlers must not see what follows a broken tag.
  const live = () => failure === null;
  if (h.open) parser.on('opentag', (node) => live() && h.open!(local(node.name), node.attributes as Record<string, string>));
  if (h.text) {
    parser.on('text', (t) => live() && h.text!(t));
    parser.on('cdata', (t) => live() && h.text!(t));
  }
  if (h.close) parser.on('closetag', (node) => live() && h.close!(local(node.name)));
  const decoder = new TextDecoder('utf-8');
  const refuse = (detail: string) => new FileRefusal(`文件内容不是有效的 Excel XML（${detail.slice(0, 80)}），请在 Excel 中打开后重新保存`);
  const check = () => {
    if (failure) throw refuse(failure.message);
  };
  /** A handler tripping over a malformed part is the file's fault, said as such; our own refusals pass through. */
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw refuse(err instanceof Error ? err.message : String(err));
    }
    check();
  };
  return {
    write(chunk) {
      check();
      guarded(() => parser.write(decoder.decode(chunk, { stream: true })));
    },
    end() {
      check();
      guarded(() => parser.write(decoder.decode()).close());
    },
  };
}

export async function parseXml(chunks: AsyncIterable<Buffer>, h: XmlHandlers): Promise<void> {
  const parser = createXmlParser(h);
  for await (const chunk of chunks) parser.write(chunk);
  parser.end();
}

/** A whole part as a list of elements, for the small parts (workbook, relationships). */
export async function collectElements(chunks: AsyncIterable<Buffer>, names: string[]): Promise<{ name: string; attrs: Record<string, string> }[]> {
  const out: { name: string; attrs: Record<string, string> }[] = [];
  await parseXml(chunks, { open: (name, attrs) => names.includes(name) && out.push({ name, attrs }) });
  return out;
}
