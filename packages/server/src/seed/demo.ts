/**
 * Loads the fictional demo city (湘潭市) into an empty database: divisions and parks,
 * units, leaders, chains, ~80 projects across categories and levels with plans and
 * milestones (a third with their own monthly plan, 作战图), this year's and last year's
 * campaign, and one account per role.
 */
import { beijingLocal, COMPETITION_TRACKS, MILESTONE_KINDS, type MilestoneKind, type ProjectLevel } from '@pacer/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import {
  campaignProjects,
  campaigns,
  industrialChains,
  organisations,
  people,
  projectAnnualPlans,
  projectFunding,
  projectMilestones,
  projects,
  regions,
} from '../db/schema.ts';
import { addUser } from '../modules/users/service.ts';
import { seededRandom, type Random } from './random.ts';
import { seedMonthlyPlans } from './monthly-plans.ts';
import { seedProblems } from './problems.ts';
import { seedBoards, seedReports } from './reports.ts';
import * as city from './xiangtan.ts';

export interface DemoAccount {
  username: string;
  role: string;
  displayName: string;
}

export interface DemoResult {
  projects: number;
  reports: number;
  accounts: DemoAccount[];
}

/** True when the database holds no regions yet, i.e. nothing has been loaded. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from regions`);
  return Number(row?.n ?? 0) === 0;
}

export interface DemoOptions {
  password: string;
  today?: Date;
  projectCount?: number;
  /** Load progress reports (default true). */
  reports?: boolean;
  /** How many past weeks of published boards to load (default 8; needs reports). */
  boards?: number;
  /** Load demo problems and a dispatch meeting (default true). */
  problems?: boolean;
}

export async function seedDemo(db: Db, opts: DemoOptions): Promise<DemoResult> {
  const today = opts.today ?? new Date();
  const year = Number(beijingLocal(today).slice(0, 4));
  const rnd = seededRandom(430300);

  await db.insert(regions).values([
    { ...city.PROVINCE, parentCode: null, sort: 0 },
    { ...city.CITY, parentCode: city.PROVINCE.code, sort: 1 },
    ...city.COUNTIES.map((c, i) => ({ code: c.code, name: c.name, kind: c.kind, parentCode: city.CITY.code, sort: 10 + i })),
    ...city.PARKS.map((p, i) => ({ code: p.code, name: p.name, kind: p.kind, parentCode: city.CITY.code, sort: 20 + i })),
  ]);

  const org = async (name: string, kind: string, regionCode: string | null = city.CITY.code) =>
    (await db.insert(organisations).values({ name, kind, regionCode }).returning({ id: organisations.id }))[0]!.id;

  await org(city.OFFICE, 'office');
  const hqIds = await Promise.all(city.HQS.map((n) => org(n, 'hq')));
  const deptIds = await Promise.all(city.DEPARTMENTS.map((n) => org(n, 'department')));
  const teamIds = await Promise.all(city.SERVICE_TEAMS.map((n) => org(n, 'service_team')));
  for (const r of [...city.COUNTIES, ...city.PARKS]) await org(`${r.name}${r.kind === 'park' ? '管委会' : '人民政府'}`, 'government', r.code);

  const leaderIds = (await db.insert(people).values(city.LEADERS.map((l) => ({ name: l.name, title: l.title }))).returning({ id: people.id })).map((r) => r.id);
  const chainIds = (
    await db
      .insert(industrialChains)
      .values(city.CHAINS.map((name, i) => ({ name, leaderPersonId: leaderIds[i % leaderIds.length]! })))
      .returning({ id: industrialChains.id })
  ).map((r) => r.id);

  const places = [...city.COUNTIES, ...city.PARKS];
  const companyNames = new Set<string>();
  while (companyNames.size < 45) companyNames.add(`湘潭${rnd.pick(city.COMPANY_WORDS)}${rnd.pick(city.COMPANY_BUSINESS)}有限公司`);
  const owners: { id: string; regionCode: string }[] = [];
  for (const name of companyNames) {
    const place = rnd.pick(places);
    owners.push({ id: await org(name, 'owner', place.code), regionCode: place.code });
  }

  const count = opts.projectCount ?? 80;
  const usedNames = new Set<string>();
  const projectRows: (typeof projects.$inferInsert)[] = [];
  const plans: (typeof projectAnnualPlans.$inferInsert)[] = [];
  const funding: (typeof projectFunding.$inferInsert)[] = [];
  const milestones: (typeof projectMilestones.$inferInsert)[] = [];

  for (let i = 0; i < count; i++) {
    const template = city.TEMPLATES[i % city.TEMPLATES.length]!;
    const owner = owners[i % owners.length]!;
    const place = places.find((p) => p.code === owner.regionCode)!;
    const isPark = place.kind === 'park';
    const regionCode = isPark ? rnd.pick(['430302', '430304', '430321']) : place.code;
    let name = `${place.name.replace(/示范区|高新区/, '')}${rnd.pick(template.names)}`;
    for (let n = 2; usedNames.has(`${regionCode}/${name}`); n++) name = `${name.replace(/（.期）$/, '')}（${'二三四五六'[n - 2]}期）`;
    usedNames.add(`${regionCode}/${name}`);

    const id = crypto.randomUUID();
    const totalWan = roundTo(rnd.int(template.totalWan[0], template.totalWan[1]), 10);
    const status = pickStatus(rnd, i);
    const startYear = status === 'continuing' ? year - rnd.int(1, 2) : status === 'new' ? year : year + 1;
    const plannedStart = isoDate(startYear, rnd.int(1, 9), rnd.int(1, 28));
    const plannedFinish = isoDate(startYear + rnd.int(1, 3), rnd.int(1, 12), rnd.int(1, 28));
    const planShare = status === 'reserve' ? 0 : status === 'preliminary' ? 0.05 : 0.25 + rnd.next() * 0.3;

    projectRows.push({
      id,
      code: i % 9 === 8 ? null : `${startYear - 1}-${regionCode}-${rnd.pick(['39', '44', '47', '48', '70', '83'])}-0${rnd.int(1, 3)}-${String(100000 + i * 37).padStart(6, '0')}`,
      name,
      levels: pickLevels(rnd, i),
      category: template.category,
      status,
      track: template.category === 'industry' ? trackFor(status, rnd) : null,
      regionCode,
      parkCode: isPark ? place.code : null,
      industryCode: rnd.pick(template.industry),
      chainId: template.category === 'industry' ? rnd.pick(chainIds) : null,
      ownerOrgId: owner.id,
      responsibleOrgId: rnd.pick(deptIds),
      leaderPersonId: leaderIds[i % leaderIds.length]!,
      hqOrgId: hqIds[hqFor(template.category, i)]!,
      serviceTeamOrgId: teamIds[i % teamIds.length]!,
      contactName: rnd.pick(['李工', '王经理', '张主任', '刘工', '陈经理', '杨主任']),
      contactPhone: `0731-5${rnd.int(1000000, 9999999)}`,
      totalInvestmentYuan: totalWan * 10_000,
      plannedStart,
      plannedFinish,
      latitude: round6(place.lat + (rnd.next() - 0.5) * 0.06),
      longitude: round6(place.lng + (rnd.next() - 0.5) * 0.06),
      description: `${name}，总投资约${(totalWan / 10000).toFixed(2)}亿元，由${[...companyNames][i % companyNames.size]}承建。`,
    });
    if (planShare > 0) {
      for (const y of [year - 1, year]) {
        if (y < startYear - 1) continue;
        const amount = roundTo(Math.floor(totalWan * planShare * (y === year ? 1 : 0.8)), 10) * 10_000;
        plans.push({ projectId: id, year: y, amountYuan: amount, baselineYuan: amount, changeReason: null });
      }
    }
    const bond = rnd.chance(0.3) ? roundTo(Math.floor(totalWan * 0.2), 10) * 10_000 : 0;
    if (bond) funding.push({ projectId: id, source: 'special_bond', amountYuan: bond });
    funding.push({ projectId: id, source: rnd.chance(0.5) ? 'self_raised' : 'bank_loan', amountYuan: totalWan * 10_000 - bond });
    milestones.push(...milestonePlan(id, plannedStart, plannedFinish, today, rnd));
  }

  await db.insert(projects).values(projectRows);
  await db.insert(projectAnnualPlans).values(plans);
  await db.insert(projectFunding).values(funding);
  await db.insert(projectMilestones).values(milestones);
  await seedMonthlyPlans(db, plans.map((p) => ({ projectId: p.projectId, year: p.year, amountYuan: p.amountYuan })));

  for (const y of [year - 1, year]) {
    const [c] = await db
      .insert(campaigns)
      .values({ year: y, name: `${y}年重点项目建设"奋力奔跑 合力攻坚"竞赛活动`, slogan: '奋力奔跑 合力攻坚', startsOn: `${y}-01-01`, endsOn: `${y}-12-31` })
      .returning({ id: campaigns.id });
    await db.insert(campaignProjects).values(projectRows.filter((p) => p.status !== 'reserve').map((p) => ({ campaignId: c!.id, projectId: p.id! })));
  }

  let reportCount = 0;
  if (opts.reports !== false) {
    const planMap = new Map<string, Map<number, number>>();
    for (const pl of plans) {
      const m = planMap.get(pl.projectId) ?? new Map<number, number>();
      m.set(pl.year, pl.amountYuan);
      planMap.set(pl.projectId, m);
    }
    const list = projectRows.map((p) => ({ id: p.id!, totalYuan: p.totalInvestmentYuan, plans: planMap.get(p.id!) ?? new Map(), status: p.status }));
    reportCount = await seedReports(db, list, today, rnd);
  }

  const firstOwner = owners[0]!;
  const accounts = [
    { username: 'admin', displayName: '竞赛办管理员', role: 'office' as const },
    { username: 'yuhu', displayName: '雨湖区重点办', role: 'coordinator' as const, regionCode: '430302' },
    { username: 'gaoxin', displayName: '湘潭高新区项目办', role: 'coordinator' as const, regionCode: '430371' },
    { username: 'hq', displayName: city.HQS[0]!, role: 'hq' as const, orgId: hqIds[0]! },
    { username: 'ziyuan', displayName: city.DEPARTMENTS[0]!, role: 'department' as const, orgId: deptIds[0]! },
    { username: 'owner', displayName: [...companyNames][0]!, role: 'owner' as const, orgId: firstOwner.id },
    { username: 'owner2', displayName: [...companyNames][1]!, role: 'owner' as const, orgId: owners[1]!.id },
    { username: 'leader', displayName: city.LEADERS[1]!.name, role: 'leader' as const, personId: leaderIds[1]! },
  ];
  const created = [];
  for (const a of accounts) created.push(await addUser(db, { orgId: null, regionCode: null, personId: null, ...a, password: opts.password }));
  if (opts.reports !== false && (opts.boards ?? 8) > 0) await seedBoards(db, created[0]!, today, opts.boards ?? 8);
  if (opts.problems !== false) await seedProblems(db, created, today);
  return { projects: projectRows.length, reports: reportCount, accounts: accounts.map(({ username, role, displayName }) => ({ username, role, displayName })) };
}

/** Which HQ (index into city.HQS) follows a project of this category. */
function hqFor(category: string, i: number): number {
  const choices: Record<string, number[]> = { industry: [0, 1], restart: [3], infrastructure: [2, 3], livelihood: [5, 4] };
  const list = choices[category] ?? [0];
  return list[i % list.length]!;
}

function pickStatus(rnd: Random, i: number) {
  if (i % 16 === 15) return 'reserve' as const;
  if (i % 11 === 10) return 'preliminary' as const;
  return rnd.chance(0.45) ? ('new' as const) : ('continuing' as const);
}

function pickLevels(rnd: Random, i: number): ProjectLevel[] {
  if (i % 13 === 0) return ['province', 'province_five100', 'city'];
  if (i % 7 === 0) return ['province', 'city'];
  if (i % 3 === 0) return ['county'];
  return rnd.chance(0.15) ? ['city', 'county'] : ['city'];
}

function trackFor(status: string, rnd: Random) {
  if (status === 'reserve' || status === 'preliminary') return 'landing' as const;
  if (status === 'new') return 'start' as const;
  return rnd.pick(COMPETITION_TRACKS.keys.slice(2));
}

/** A plausible milestone plan spread between start and finish; past dates mostly achieved. */
function milestonePlan(projectId: string, start: string, finish: string, today: Date, rnd: Random) {
  const s = Date.parse(start);
  const f = Date.parse(finish);
  const offsets: Partial<Record<MilestoneKind, number>> = {
    signing: -0.5,
    land: -0.3,
    approval: -0.25,
    construction_permit: -0.05,
    start: 0,
    main_structure: 0.6,
    completion: 1,
    production: 1.1,
  };
  const span = f - s;
  return MILESTONE_KINDS.keys
    .filter((k) => offsets[k] !== undefined)
    .map((kind) => {
      const planned = new Date(s + span * offsets[kind]!);
      // Steps before the start of works are done once their date has passed; later ones slip now and then.
      const done = planned < today && (offsets[kind]! <= 0 || rnd.chance(0.8));
      const actual = done ? new Date(planned.getTime() + rnd.int(-15, 40) * 86_400_000) : null;
      return {
        projectId,
        kind,
        plannedDate: planned.toISOString().slice(0, 10),
        baselineDate: planned.toISOString().slice(0, 10),
        actualDate: actual && actual < today ? actual.toISOString().slice(0, 10) : null,
        changeReason: null,
      };
    });
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
