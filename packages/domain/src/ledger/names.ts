/**
 * Finding a region, unit or person by the name a ledger gives it: "雨湖区" or "雨湖",
 * "湘潭高新区" or "高新区", "430302", a company name with a stray space or full-width bracket.
 */
import { compactText } from './text.ts';

export interface Named {
  id: string;
  name: string;
  /** Other spellings (a region's code, a unit's short name). */
  aliases?: string[];
}

export type NameMatch = { ok: true; id: string } | { ok: false; reason: 'none' | 'ambiguous'; candidates: string[] };

const key = (s: string) => compactText(s).replace(/[()（）]/g, '').toLowerCase();
const REGION_SUFFIX = /(人民政府|管委会|管理委员会|自治县|示范区|高新区|经开区|开发区|新区|市|县|区|园区)$/;
const stem = (s: string) => {
  let t = key(s);
  for (let prev = ''; prev !== t && t.length > 2; ) {
    prev = t;
    const next = t.replace(REGION_SUFFIX, '');
    if (next.length >= 2) t = next;
  }
  return t;
};

/**
 * The one entry a name means: exact (ignoring spaces and brackets), then without the
 * administrative suffix, then the only entry containing it or contained in it.
 */
export function matchName(text: string, entries: readonly Named[]): NameMatch {
  return nameMatcher(entries)(text);
}

/** matchName with the entries' keys worked out once, for matching many rows against one list. */
export function nameMatcher(entries: readonly Named[]): (text: string) => NameMatch {
  const prepared = entries.map((e) => ({ e, key: key(e.name), stem: stem(e.name), aliases: (e.aliases ?? []).map(key) }));
  return (text) => {
    const k = key(text);
    if (!k) return { ok: false, reason: 'none', candidates: [] };
    const exact = prepared.filter((p) => p.key === k || p.aliases.includes(k));
    if (exact.length === 1) return { ok: true, id: exact[0]!.e.id };
    if (exact.length > 1) return { ok: false, reason: 'ambiguous', candidates: exact.map((p) => p.e.name) };
    const s = stem(text);
    const stemmed = prepared.filter((p) => p.stem === s);
    if (stemmed.length === 1) return { ok: true, id: stemmed[0]!.e.id };
    if (stemmed.length > 1) return { ok: false, reason: 'ambiguous', candidates: stemmed.map((p) => p.e.name) };
    if (k.length < 2) return { ok: false, reason: 'none', candidates: [] };
    const near = prepared.filter((p) => p.key.includes(k) || (p.key.length >= 4 && k.includes(p.key)));
    if (near.length === 1) return { ok: true, id: near[0]!.e.id };
    return { ok: false, reason: near.length ? 'ambiguous' : 'none', candidates: near.slice(0, 5).map((p) => p.e.name) };
  };
}
