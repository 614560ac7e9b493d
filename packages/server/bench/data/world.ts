/**
 * The province's people, units and projects, built in memory from the seed (reports are
 * streamed separately). Same seed, same scale, same date → the same rows.
 */
import { COMPETITION_TRACKS, MILESTONE_KINDS, type MilestoneKind } from '@pacer/domain';
import { seededRandom, type Random } from '../../src/seed/random.ts';
import * as geo from './geography.ts';
import { idFactory } from './ids.ts';

export interface Org {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
}

export interface Milestone {
  kind: MilestoneKind;
  plannedDate: string;
  actualDate: string | null;
}

export interface Project {
  index: number;
  id: string;
  prefecture: string;
  code: string | null;
  name: string;
  levels: string[];
  category: string;
  status: 'new' | 'continuing' | 'reserve' | 'preliminary';
  track: string | null;
  regionCode: string;
  regionName: string;
  parkCode: string | null;
  parkName: string | null;
  industryCode: string;
  chainId: string | null;
  owner: Org;
  responsibleOrgId: string;
  leaderPersonId: string;
  hq: Org;
  serviceTeamOrgId: string;
  totalYuan: number;
  plannedStart: string;
  plannedFinish: string;
  lat: number;
  lng: number;
  /** 年度计划投资 by year. */
  plans: Map<number, number>;
  funding: { source: string; amountYuan: number }[];
  milestones: Milestone[];
}

export interface World {
  year: number;
  today: string;
  regions: { code: string; name: string; parentCode: string | null; kind: string; sort: number }[];
  orgs: Org[];
  people: { id: string; name: string; title: string; orgId: string | null }[];
  chains: { id: string; name: string; leaderPersonId: string }[];
  projects: Project[];
  /** Owner units of the benchmark city, in order: the HTTP benchmarks sign in as them. */
  benchOwners: Org[];
  office: Org;
  campaigns: { id: string; year: number }[];
}

const WAN = 10_000;

export function buildWorld(scale: 'city' | 'province', seed: number, today: string): World {
  const year = Number(today.slice(0, 4));
  const orgId = idFactory(seed, 1);
  const personId = idFactory(seed, 2);
  const projectId = idFactory(seed, 3);
  const prefectures = geo.prefecturesOf(scale);
  const world: World = { year, today, regions: [], orgs: [], people: [], chains: [], projects: [], benchOwners: [], office: null!, campaigns: [] };
  const org = (name: string, kind: string, regionCode: string | null): Org => {
    const o = { id: orgId(), name, kind, regionCode };
    world.orgs.push(o);
    return o;
  };

  world.regions.push({ code: geo.PROVINCE.code, name: geo.PROVINCE.name, parentCode: null, kind: 'province', sort: 0 });
  world.office = org(scale === 'city' ? '湘潭市重点项目建设竞赛活动办公室' : '湖南省重点项目建设办公室', 'office', scale === 'city' ? geo.BENCH_CITY : geo.PROVINCE.code);
  const chainLeader = { id: personId(), name: '省重点项目链长', title: '副省长', orgId: null };
  world.people.push(chainLeader);
  const chainIds = idFactory(seed, 4);
  world.chains = geo.CHAIN_NAMES.map((name) => ({ id: chainIds(), name, leaderPersonId: chainLeader.id }));
  let index = 0;
  let codeSeq = 0;

  prefectures.forEach((pref, pi) => {
    const rnd = seededRandom(seed * 1_000_003 + Number(pref.code));
    world.regions.push({ code: pref.code, name: pref.name, parentCode: geo.PROVINCE.code, kind: 'city', sort: 1 + pi });
    pref.divisions.forEach((d, i) => world.regions.push({ code: d.code, name: d.name, parentCode: pref.code, kind: d.kind, sort: 10 + i }));
    const hqs = geo.HQ_NAMES.map((n) => org(`${pref.stem}${n}`, 'hq', pref.code));
    const depts = geo.DEPARTMENT_NAMES.map((n) => org(`${pref.stem}市${n}`, 'department', pref.code));
    const teams = geo.SERVICE_TEAM_NAMES.map((n) => org(`${pref.stem}${n}`, 'service_team', pref.code));
    for (const d of pref.divisions) org(`${d.name}${d.kind === 'park' ? '管委会' : '人民政府'}`, 'government', d.code);
    const leaders = geo.leadersOf(pref, rnd.pick).map((l) => ({ id: personId(), ...l, orgId: null }));
    world.people.push(...leaders);

    const places = pref.divisions;
    const counties = places.filter((p) => p.kind !== 'park');
    const ownerCount = Math.max(1, Math.round(pref.projects / 10));
    const names = new Set<string>();
    const owners: Org[] = [];
    for (let i = 0; owners.length < ownerCount; i++) {
      const name = `${pref.stem}${rnd.pick(geo.SYLLABLES)}${rnd.pick(geo.SYLLABLES)}${rnd.pick(geo.BUSINESS)}有限公司`;
      if (names.has(name)) continue;
      names.add(name);
      owners.push(org(name, 'owner', rnd.pick(places).code));
    }
    if (pref.code === geo.BENCH_CITY) world.benchOwners = owners.slice(0, 200);

    const usedNames = new Set<string>();
    for (let i = 0; i < pref.projects; i++, index++) {
      const template = geo.TEMPLATES[index % geo.TEMPLATES.length]!;
      const owner = owners[i % owners.length]!;
      const place = places.find((p) => p.code === owner.regionCode)!;
      const isPark = place.kind === 'park';
      const region = isPark ? rnd.pick(counties) : place;
      const base = `${place.name.replace(/高新技术产业开发区|经济技术开发区|示范区|高新区/, '')}${rnd.pick(template.names)}`;
      let name = base;
      for (let n = 2; usedNames.has(`${region.code}/${name}`); n++) name = `${base}（${n}期）`;
      usedNames.add(`${region.code}/${name}`);

      const totalWan = roundTo(rnd.int(template.totalWan[0], template.totalWan[1]), 10);
      const status = pickStatus(rnd, i);
      const startYear = status === 'continuing' ? year - rnd.int(1, 3) : status === 'new' ? year : year + 1;
      const plannedStart = iso(startYear, rnd.int(1, 9), rnd.int(1, 28));
      const plannedFinish = iso(startYear + rnd.int(1, 3) + (status === 'continuing' ? 2 : 0), rnd.int(1, 12), rnd.int(1, 28));
      const planShare = status === 'reserve' ? 0 : status === 'preliminary' ? 0.05 : 0.2 + rnd.next() * 0.25;
      const plans = new Map<number, number>();
      if (planShare > 0) {
        for (const y of [year - 2, year - 1, year]) {
          if (y < startYear) continue;
          const amount = roundTo(Math.floor(totalWan * planShare * (y === year ? 1 : 0.8)), 10) * WAN;
          plans.set(y, amount);
        }
      }
      const bond = rnd.chance(0.3) ? roundTo(Math.floor(totalWan * 0.2), 10) * WAN : 0;
      const funding = [
        ...(bond ? [{ source: 'special_bond', amountYuan: bond }] : []),
        { source: rnd.chance(0.5) ? 'self_raised' : 'bank_loan', amountYuan: totalWan * WAN - bond },
      ];
      codeSeq++;
      world.projects.push({
        index,
        id: projectId(),
        prefecture: pref.code,
        code: i % 9 === 8 ? null : `${startYear - 1}-${region.code}-${rnd.pick(['39', '44', '47', '48', '70', '83'])}-0${rnd.int(1, 3)}-${String(codeSeq).padStart(6, '0')}`,
        name,
        levels: pickLevels(rnd, i),
        category: template.category,
        status,
        track: template.category === 'industry' ? trackFor(status, rnd) : null,
        regionCode: region.code,
        regionName: region.name,
        parkCode: isPark ? place.code : null,
        parkName: isPark ? place.name : null,
        industryCode: rnd.pick(template.industry),
        chainId: template.category === 'industry' ? rnd.pick(world.chains).id : null,
        owner,
        responsibleOrgId: rnd.pick(depts).id,
        leaderPersonId: leaders[i % leaders.length]!.id,
        hq: hqs[i % hqs.length]!,
        serviceTeamOrgId: teams[i % teams.length]!.id,
        totalYuan: totalWan * WAN,
        plannedStart,
        plannedFinish,
        lat: round6(place.lat + (rnd.next() - 0.5) * 0.06),
        lng: round6(place.lng + (rnd.next() - 0.5) * 0.06),
        plans,
        funding,
        milestones: milestonePlan(plannedStart, plannedFinish, today, rnd),
      });
    }
  });
  const campaignId = idFactory(seed, 5);
  world.campaigns = [year - 2, year - 1, year].map((y) => ({ id: campaignId(), year: y }));
  return world;
}

function pickStatus(rnd: Random, i: number): Project['status'] {
  if (i % 16 === 15) return 'reserve';
  if (i % 11 === 10) return 'preliminary';
  return rnd.chance(0.4) ? 'new' : 'continuing';
}

function pickLevels(rnd: Random, i: number): string[] {
  if (i % 13 === 0) return ['province', 'province_five100', 'city'];
  if (i % 7 === 0) return ['province', 'city'];
  if (i % 3 === 0) return ['county'];
  return rnd.chance(0.15) ? ['city', 'county'] : ['city'];
}

function trackFor(status: string, rnd: Random): string {
  if (status === 'reserve' || status === 'preliminary') return 'landing';
  if (status === 'new') return 'start';
  return rnd.pick(COMPETITION_TRACKS.keys.slice(2));
}

const OFFSETS: Partial<Record<MilestoneKind, number>> = { signing: -0.5, land: -0.3, approval: -0.25, construction_permit: -0.05, start: 0, main_structure: 0.6, completion: 1, production: 1.1 };

function milestonePlan(start: string, finish: string, today: string, rnd: Random): Milestone[] {
  const s = Date.parse(start);
  const span = Date.parse(finish) - s;
  return MILESTONE_KINDS.keys
    .filter((k) => OFFSETS[k] !== undefined)
    .map((kind) => {
      const planned = new Date(s + span * OFFSETS[kind]!).toISOString().slice(0, 10);
      // Draw both numbers every time, so the date the set is built on never shifts the sequence.
      const onTime = rnd.chance(0.8);
      const slip = rnd.int(-15, 40);
      const done = planned < today && (OFFSETS[kind]! <= 0 || onTime);
      const actual = done ? new Date(Date.parse(planned) + slip * 86_400_000).toISOString().slice(0, 10) : null;
      return { kind, plannedDate: planned, actualDate: actual && actual < today ? actual : null };
    });
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
