/**
 * A fast XML tokenizer for the large parts of a workbook (worksheets, the shared strings).
 * A 100,000-row ledger is some 45 MB of sheet XML, read twice (analysis and dry run); a
 * general parser (saxes) spends most of the import's reading time on it. SpreadsheetML uses a
 * small part of XML, so this reads what those parts contain — elements (prefixes dropped, as
 * xml.ts does), attributes read only when asked for, text with the five named and the numeric
 * character references, CDATA, comments, processing instructions — and refuses the rest (a
 * DOCTYPE, an unknown entity, mismatched or unclosed tags, control characters), so a file it
 * cannot read exactly is refused rather than read differently. It gives the same events as the
 * saxes parser in xml.ts (`saxesScanner`), which the tests hold it to.
 */
import { AppError } from '../http/errors.ts';
import { FileRefusal } from './refusal.ts';
import { createXmlParser } from './xml.ts';

/** Attributes of the element being opened; valid only during the `open` call. */
export interface ScanAttrs {
  get(name: string): string | undefined;
}

export interface ScanHandlers {
  open?(name: string, attrs: ScanAttrs): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlScanner {
  write(chunk: Buffer): void;
  end(): void;
}

/** A construct (tag, comment, text run) longer than this is not from a spreadsheet. */
const MAX_PENDING = 4 * 1024 * 1024;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const AMP = '&';

/** Characters XML 1.0 does not allow anywhere in a document. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const WHITESPACE = /^[ \t\r\n]*$/;

class XmlError extends Error {}

/** Text with its character references replaced; any other "&" is an error, as in any XML parser. */
export function decodeText(raw: string): string {
  if (!raw.includes(AMP)) return raw;
  // A "&" the pattern does not take (an unknown entity, a bare ampersand) makes the part invalid.
  if (raw.replace(REFERENCE, '').includes(AMP)) throw new XmlError('文本中有未定义的实体或未转义的 "&"');
  return raw.replace(REFERENCE, (ref, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!validCodePoint(code)) throw new XmlError(`无效的字符引用 ${ref}`);
    return String.fromCodePoint(code);
  });
}

const validCodePoint = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;

/**
 * The attributes of one start tag, parsed the first time one is asked for. One instance is
 * reused for every tag: a sheet has millions of tags and most attributes are never read. The
 * parse keeps where each name and value is in the text, not strings: a value becomes a string
 * when it is asked for (one holding a reference is decoded, and so checked, during the parse).
 */
class LazyAttrs implements ScanAttrs {
  private src = '';
  private from = 0;
  private to = 0;
  private parsed = false;
  private count = 0;
  // Per attribute: name start, name end, value start, value end (offsets into src).
  private bounds = new Int32Array(64);
  // The decoded value of an attribute whose raw value holds a reference ("&…;").
  private decoded: (string | undefined)[] = [];

  reset(src: string, from: number, to: number) {
    this.src = src;
    this.from = from;
    this.to = to;
    this.parsed = false;
  }

  get(name: string): string | undefined {
    if (!this.parsed) {
      this.parse();
      this.parsed = true;
    }
    for (let i = 0; i < this.count; i++) if (this.nameIs(i, name, false)) return this.value(i);
    for (let i = 0; i < this.count; i++) if (this.nameIs(i, name, true)) return this.value(i);
    return undefined;
  }

  /** Whether attribute i is called `name` (or, with `local`, has it as its local name). */
  private nameIs(i: number, name: string, local: boolean): boolean {
    let start = this.bounds[4 * i]!;
    const end = this.bounds[4 * i + 1]!;
    if (local) {
      const colon = indexIn(this.src, COLON, start, end);
      if (colon >= 0) start = colon + 1;
    }
    return end - start === name.length && this.src.startsWith(name, start);
  }

  private value(i: number): string {
    return this.decoded[i] ?? this.src.slice(this.bounds[4 * i + 2]!, this.bounds[4 * i + 3]!);
  }

  private parse(): void {
    const s = this.src;
    const to = this.to;
    this.count = 0;
    let i = this.from;
    for (;;) {
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      if (i >= to) return;
      const nameStart = i;
      while (i < to && s.charCodeAt(i) !== 61 /* = */ && !isSpace(s.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      if (nameEnd === nameStart || s.charCodeAt(i) !== 61) throw new XmlError(`属性格式错误：${s.slice(nameStart, Math.min(to, nameStart + 40))}`);
      i++;
      while (i < to && isSpace(s.charCodeAt(i))) i++;
      const quote = s.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) throw new XmlError(`属性 ${s.slice(nameStart, nameEnd)} 的值缺少引号`);
      const end = s.indexOf(quote === QUOT ? '"' : "'", i + 1);
      if (end < 0 || end >= to) throw new XmlError(`属性 ${s.slice(nameStart, nameEnd)} 的值没有结束`);
      for (let k = 0; k < this.count; k++) {
        if (sameText(s, this.bounds[4 * k]!, this.bounds[4 * k + 1]!, nameStart, nameEnd)) throw new XmlError(`属性 ${s.slice(nameStart, nameEnd)} 重复`);
      }
      const n = this.count++;
      if (4 * this.count > this.bounds.length) {
        const grown = new Int32Array(this.bounds.length * 2);
        grown.set(this.bounds);
        this.bounds = grown;
      }
      this.bounds[4 * n] = nameStart;
      this.bounds[4 * n + 1] = nameEnd;
      this.bounds[4 * n + 2] = i + 1;
      this.bounds[4 * n + 3] = end;
      this.decoded[n] = indexIn(s, AMP_CODE, i + 1, end) >= 0 ? decodeText(s.slice(i + 1, end)) : undefined;
      i = end + 1;
    }
  }
}

const COLON = 58;
const AMP_CODE = 38;

/** Where character `code` first is in s[from, to), or -1 (indexOf would search past `to`). */
function indexIn(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** Whether s[a, aEnd) and s[b, bEnd) are the same text. */
function sameText(s: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The fast tokenizer: write inflated chunks as they come; handlers run inside write. */
export function createXmlScanner(h: ScanHandlers): XmlScanner {
  const decoder = new TextDecoder('utf-8');
  const attrs = new LazyAttrs();
  const open: string[] = [];
  let pending = '';
  let rootSeen = false;
  let rootClosed = false;

  const emitText = (raw: string) => {
    if (!open.length) {
      if (!WHITESPACE.test(raw)) throw new XmlError('根元素之外有文本');
      h.text?.(raw);
      return;
    }
    h.text?.(decodeText(raw));
  };

  /** Reads complete constructs of s; returns where the unread (incomplete) part starts. */
  const consume = (s: string, final: boolean): number => {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text to the end: hand it over, but keep an unfinished reference for the next chunk.
        const amp = final ? -1 : s.lastIndexOf(AMP);
        const cut = amp >= i && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut > i) emitText(s.slice(i, cut));
        return cut;
      }
      if (lt > i) emitText(s.slice(i, lt));
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        const qname = s.slice(lt + 2, gt).trimEnd();
        const top = open.pop();
        if (top === undefined || top !== qname) throw new XmlError(`结束标签 </${qname.slice(0, 40)}> 与开始标签 <${(top ?? '').slice(0, 40)}> 不匹配`);
        if (!open.length) rootClosed = true;
        h.close?.(localName(qname));
        i = gt + 1;
      } else if (c === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        i = end + 2;
      } else if (c === BANG) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (!open.length) throw new XmlError('根元素之外有 CDATA');
          h.text?.(s.slice(lt + 9, end));
          i = end + 3;
        } else if (n - lt < 9 && !final) {
          return lt;
        } else {
          // A DOCTYPE (and its entities) has no place in a workbook part.
          throw new XmlError('含有文档类型声明（DOCTYPE）');
        }
      } else {
        let j = lt + 1;
        let quote = 0;
        for (; j < n; j++) {
          const ch = s.charCodeAt(j);
          if (quote) {
            if (ch === quote) quote = 0;
            else if (ch === LT) throw new XmlError('属性值中有 "<"');
          } else if (ch === GT) break;
          else if (ch === QUOT || ch === APOS) quote = ch;
          else if (ch === LT) throw new XmlError('标签没有结束');
        }
        if (j >= n) return lt;
        const selfClosing = s.charCodeAt(j - 1) === SLASH;
        let nameEnd = lt + 1;
        while (nameEnd < j && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
        const qname = s.slice(lt + 1, nameEnd);
        if (!qname || isSpace(c)) throw new XmlError('标签缺少名称');
        if (rootClosed) throw new XmlError('根元素之后还有元素');
        rootSeen = true;
        const name = localName(qname);
        attrs.reset(s, nameEnd, selfClosing ? j - 1 : j);
        h.open?.(name, attrs);
        if (selfClosing) {
          if (!open.length) rootClosed = true;
          h.close?.(name);
        } else open.push(qname);
        i = j + 1;
      }
    }
    return n;
  };

  const feed = (text: string, final: boolean) => {
    if (FORBIDDEN.test(text)) throw new XmlError('含有 XML 不允许的控制字符');
    const s = pending ? pending + text : text;
    const read = consume(s, final);
    pending = read < s.length ? s.slice(read) : '';
    if (pending.length > MAX_PENDING) throw new XmlError('单个标签或文本过长');
  };

  return {
    write(chunk) {
      guarded(() => feed(decoder.decode(chunk, { stream: true }), false));
    },
    end() {
      guarded(() => {
        feed(decoder.decode(), true);
        if (pending) throw new XmlError(`文件在 ${pending.slice(0, 20)} 处中断`);
        if (open.length) throw new XmlError(`<${open[open.length - 1]}> 没有结束`);
        if (!rootSeen) throw new XmlError('没有根元素');
      });
    },
  };
}

/** A refusal for what the tokenizer met; the application's own refusals pass through. */
function guarded(work: () => void) {
  try {
    work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new FileRefusal(`文件内容不是有效的 Excel XML（${detail.slice(0, 80)}），请在 Excel 中打开后重新保存`);
  }
}

/** The same events from saxes (xml.ts): the reference the fast tokenizer is tested against. */
export function saxesScanner(h: ScanHandlers): XmlScanner {
  let current: Record<string, string> = {};
  const view: ScanAttrs = {
    get(name) {
      if (name in current) return current[name];
      for (const k in current) if (localName(k) === name) return current[k];
      return undefined;
    },
  };
  return createXmlParser({
    open: h.open
      ? (name, a) => {
          current = a;
          h.open!(name, view);
        }
      : undefined,
    text: h.text,
    close: h.close,
  });
}
