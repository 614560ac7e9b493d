/**
 * The names a ledger may use for regions, parks, units and people, loaded once per import
 * (a city has hundreds, not millions), and how a name resolves to one of them.
 */
import { nameMatcher, type Named } from '@pacer/domain';
import type { Db } from '../../db/client.ts';
import { organisations, people, regions } from '../../db/schema.ts';

export type Resolved = { ok: true; id: string } | { ok: false; reason: string };

export interface Dictionary {
  region(text: string): Resolved;
  park(text: string): Resolved;
  org(kind: 'owner' | 'hq' | 'service_team' | 'responsible', text: string): Resolved;
  person(text: string): Resolved;
  /** A region's code and the codes of every region or park above it. */
  ancestors(code: string): string[];
  regionName(code: string): string;
  /** A park's parent region (a park row names no county). */
  parentOf(code: string): string | null;
  orgName(id: string): string;
  personName(id: string): string;
}

type Match = ReturnType<ReturnType<typeof nameMatcher>>;

/** A resolver that remembers its answers: a ledger names the same few units thousands of times. */
function resolver(what: string, entries: Named[]): (text: string) => Resolved {
  const match = nameMatcher(entries);
  const seen = new Map<string, Resolved>();
  return (text) => {
    let r = seen.get(text);
    if (!r) seen.set(text, (r = explain(what, text, match(text))));
    return r;
  };
}

const explain = (what: string, text: string, m: Match): Resolved => {
  if (m.ok) return m;
  if (m.reason === 'ambiguous') return { ok: false, reason: `"${text}"可能是${m.candidates.map((c) => `"${c}"`).join('、')}，请写全称` };
  return { ok: false, reason: `系统中没有名为"${text}"的${what}` };
};

export async function loadDictionary(db: Db): Promise<Dictionary> {
  const regionRows = await db.select().from(regions);
  const orgRows = await db.select().from(organisations);
  const personRows = await db.select().from(people);
  const byCode = new Map(regionRows.map((r) => [r.code, r]));
  const named = (list: { id: string; name: string }[], aliases?: (x: { id: string }) => string[]): Named[] => list.map((x) => ({ id: x.id, name: x.name, aliases: aliases?.(x) }));
  const areas = named(
    regionRows.filter((r) => r.kind !== 'park' && r.kind !== 'province').map((r) => ({ id: r.code, name: r.name })),
    (x) => [x.id],
  );
  const parks = named(
    regionRows.filter((r) => r.kind === 'park').map((r) => ({ id: r.code, name: r.name })),
    (x) => [x.id],
  );
  const orgsOf = (kinds: string[]) => named(orgRows.filter((o) => kinds.includes(o.kind)));
  const orgLists = {
    owner: orgsOf(['owner']),
    hq: orgsOf(['hq']),
    service_team: orgsOf(['service_team']),
    // A responsible unit may be a department, a local government or an HQ.
    responsible: orgsOf(['department', 'government', 'hq', 'office']),
  };
  const persons = named(personRows);
  const orgNames = new Map(orgRows.map((o) => [o.id, o.name]));
  const personNames = new Map(personRows.map((p) => [p.id, p.name]));
  const orgResolvers = {
    owner: resolver('业主单位', orgLists.owner),
    hq: resolver('协调指挥部', orgLists.hq),
    service_team: resolver('服务专班', orgLists.service_team),
    responsible: resolver('责任单位', orgLists.responsible),
  };
  return {
    region: resolver('区划', areas),
    park: resolver('园区', parks),
    org: (kind, t) => orgResolvers[kind](t),
    person: resolver('领导', persons),
    ancestors(code) {
      const out: string[] = [];
      for (let c: string | null | undefined = code; c && !out.includes(c); c = byCode.get(c)?.parentCode) out.push(c);
      return out;
    },
    regionName: (code) => byCode.get(code)?.name ?? code,
    parentOf: (code) => byCode.get(code)?.parentCode ?? null,
    orgName: (id) => orgNames.get(id) ?? id,
    personName: (id) => personNames.get(id) ?? id,
  };
}
