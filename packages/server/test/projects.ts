/**
 * Helpers for the project-library API tests: who is signed in, the rows as the database
 * holds them (the oracle the API is checked against), and request bodies.
 */
import type { CurrentUser, ProjectDetail, ProjectInput, ProjectSummary, ProjectUpdateInput } from '@pacer/domain';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog, organisations, people, projectAnnualPlans, projectFunding, projectMilestones, projects, regions } from '../src/db/schema.ts';
import type { TestApp } from './harness.ts';

export type ProjectRow = typeof projects.$inferSelect;

export async function me(t: TestApp, cookie: string): Promise<CurrentUser> {
  return (await t.call('GET', '/api/auth/me', { cookie })).json();
}

/** Every project the list returns for `query`, in the API's order (one page of up to 200). */
export async function listAll(t: TestApp, cookie: string, query = ''): Promise<ProjectSummary[]> {
  const res = await t.call('GET', `/api/projects?pageSize=200&${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json();
  expect(page.total).toBe(page.items.length);
  return page.items;
}

export const idsOf = (items: { id: string }[]) => items.map((p) => p.id).sort();

/** All project rows straight from the database, deleted ones included. */
export async function projectRows(t: TestApp): Promise<ProjectRow[]> {
  return t.database.db.select().from(projects);
}

export async function liveRows(t: TestApp): Promise<ProjectRow[]> {
  return (await projectRows(t)).filter((p) => p.deletedAt === null);
}

/** A project and its children as stored, for "nothing changed" checks. */
export async function storedProject(t: TestApp, id: string) {
  const db = t.database.db;
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  const byKey = <T>(list: T[], key: (x: T) => string | number) => [...list].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    row,
    plans: byKey(await db.select().from(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, id)), (p) => p.year),
    funding: byKey(await db.select().from(projectFunding).where(eq(projectFunding.projectId, id)), (f) => f.source),
    milestones: byKey(await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)), (m) => m.kind),
  };
}

export async function auditEntries(t: TestApp, id: string) {
  return t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.at);
}

/** A region code and every region or park below it, computed from the regions table. */
export async function regionTree(t: TestApp): Promise<(code: string) => Set<string>> {
  const all = await t.database.db.select().from(regions);
  return (code) => {
    const found = new Set([code]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of all) {
        if (r.parentCode && found.has(r.parentCode) && !found.has(r.code)) {
          found.add(r.code);
          grew = true;
        }
      }
    }
    return found;
  };
}

/** Ids of the demo city's units and people by kind, for building request bodies. */
export async function reference(t: TestApp) {
  const orgs = await t.database.db.select().from(organisations);
  const kind = (k: string) => orgs.filter((o) => o.kind === k).map((o) => o.id);
  const persons = await t.database.db.select().from(people);
  return {
    owners: kind('owner'),
    hqs: kind('hq'),
    departments: kind('department'),
    teams: kind('service_team'),
    people: persons.map((p) => p.id),
    orgName: (id: string) => orgs.find((o) => o.id === id)!.name,
  };
}

let serial = 0;

/** The plan year the list shows by default, as the server reckons it. */
export const THIS_YEAR = new Date().getFullYear();

/** A valid new project in 雨湖区 with a unique code and name; override what a test is about. */
export function newProject(ownerOrgId: string, overrides: Partial<ProjectInput> = {}): ProjectInput {
  serial += 1;
  return {
    code: `2025-430302-44-01-${String(900000 + serial).padStart(6, '0')}`,
    name: `测试新建项目${serial}号`,
    levels: ['city'],
    category: 'industry',
    status: 'new',
    track: 'start',
    regionCode: '430302',
    ownerOrgId,
    totalInvestmentYuan: 600_000_000,
    annualPlans: [{ year: THIS_YEAR, amountYuan: 200_000_000 }],
    plannedStart: '2026-03-01',
    plannedFinish: '2028-06-30',
    fundingSources: [{ source: 'self_raised', amountYuan: 600_000_000 }],
    milestones: [{ kind: 'start', plannedDate: '2026-03-01' }],
    ...overrides,
  };
}

/** The PUT body that saves a project exactly as read: the starting point of every edit. */
export function toInput(d: ProjectDetail): ProjectUpdateInput {
  return {
    version: d.version,
    code: d.code,
    name: d.name,
    levels: d.levels,
    category: d.category,
    status: d.status,
    track: d.track,
    regionCode: d.regionCode,
    parkCode: d.parkCode,
    industryCode: d.industryCode,
    chainId: d.chainId,
    ownerOrgId: d.ownerOrgId,
    responsibleOrgId: d.responsibleOrgId,
    leaderPersonId: d.leaderPersonId,
    hqOrgId: d.hqOrgId,
    serviceTeamOrgId: d.serviceTeamOrgId,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    totalInvestmentYuan: d.totalInvestmentYuan,
    annualPlans: d.annualPlans.map((p) => ({ year: p.year, amountYuan: p.amountYuan, changeReason: p.changeReason })),
    plannedStart: d.plannedStart,
    plannedFinish: d.plannedFinish,
    fundingSources: d.fundingSources,
    latitude: d.latitude,
    longitude: d.longitude,
    description: d.description,
    milestones: d.milestones.map((m) => ({ kind: m.kind, plannedDate: m.plannedDate, actualDate: m.actualDate, changeReason: m.changeReason })),
  };
}

export async function detail(t: TestApp, cookie: string, id: string): Promise<ProjectDetail> {
  const res = await t.call('GET', `/api/projects/${id}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Creates a project as `cookie` and returns its detail. */
export async function create(t: TestApp, cookie: string, body: ProjectInput): Promise<ProjectDetail> {
  const res = await t.call('POST', '/api/projects', { cookie, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
