/**
 * Changes to the project library. Each runs in one transaction, checks data scope,
 * keeps plan and milestone baselines, refuses stale writes, and writes an audit entry.
 */
import { baselineChangeNeedsReason, MILESTONE_KINDS, type ProjectData } from '@pacer/domain';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  auditLog,
  industrialChains,
  organisations,
  people,
  projectAnnualPlans,
  projectFunding,
  projectMilestones,
  projects,
  regions,
} from '../../db/schema.ts';
import { conflict, FieldValidationError, notFound, type FieldIssue } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { getProject } from './queries.ts';
import { writeScope } from './scope.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function createProject(db: Db, user: UserContext, data: ProjectData) {
  const id = await raceChecked(db, data, null, () => db.transaction(async (tx) => {
    await checkReferences(tx, data);
    await checkUnique(tx, data, null);
    const [row] = await tx.insert(projects).values({ ...projectColumns(data), createdBy: user.id, updatedBy: user.id }).returning({ id: projects.id });
    const projectId = row!.id;
    await assertWritable(tx, user, projectId, '新项目不在您负责的范围内，请检查所在区划或业主单位');
    await writeChildren(tx, projectId, data, { plans: [], milestones: [] });
    await audit(tx, user, 'create', projectId, { after: data });
    return projectId;
  }));
  return (await getProject(db, user, id))!;
}

export async function updateProject(db: Db, user: UserContext, id: string, data: ProjectData & { version: number }) {
  await raceChecked(db, data, id, () => db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.id, id), isNull(projects.deletedAt), writeScope(user)))
      .for('update');
    if (!current) throw notFound('项目');
    if (current.version !== data.version) {
      throw conflict(`该项目已被他人修改（您读取的是第 ${data.version} 版，当前是第 ${current.version} 版）。请刷新后在最新内容上修改。`, {
        current: await getProject(tx as unknown as Db, user, id),
      });
    }
    await checkReferences(tx, data);
    await checkUnique(tx, data, id);
    const existing = {
      plans: await tx.select().from(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, id)),
      milestones: await tx.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)),
    };
    const { version: _v, ...fields } = data;
    await tx
      .update(projects)
      .set({ ...projectColumns(fields), version: sql`${projects.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
      .where(and(eq(projects.id, id), eq(projects.version, data.version)));
    await assertWritable(tx, user, id, '修改后的项目将不在您负责的范围内，请检查所在区划或业主单位');
    await writeChildren(tx, id, fields, existing);
    await audit(tx, user, 'update', id, { before: current, after: fields });
  }));
  return (await getProject(db, user, id))!;
}

export async function deleteProject(db: Db, user: UserContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(projects)
      .set({ deletedAt: new Date(), version: sql`${projects.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
      .where(and(eq(projects.id, id), isNull(projects.deletedAt), writeScope(user)))
      .returning({ id: projects.id });
    if (!row) throw notFound('项目');
    await audit(tx, user, 'delete', id, null);
  });
}

export async function restoreProject(db: Db, user: UserContext, id: string) {
  let identity: Identity | undefined;
  await raceChecked(db, () => identity, id, () => db.transaction(async (tx) => {
    const [row] = await tx.select().from(projects).where(and(eq(projects.id, id), sql`${projects.deletedAt} is not null`, writeScope(user)));
    if (!row) throw notFound('已删除的项目');
    identity = { code: row.code, name: row.name, regionCode: row.regionCode };
    await checkUnique(tx, identity, id);
    await tx
      .update(projects)
      .set({ deletedAt: null, version: sql`${projects.version} + 1`, updatedAt: new Date(), updatedBy: user.id })
      .where(eq(projects.id, id));
    await audit(tx, user, 'restore', id, null);
  }));
  return (await getProject(db, user, id))!;
}

function projectColumns(d: Omit<ProjectData, 'annualPlans' | 'fundingSources' | 'milestones'> & Partial<ProjectData>) {
  return {
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
    plannedStart: d.plannedStart,
    plannedFinish: d.plannedFinish,
    latitude: d.latitude,
    longitude: d.longitude,
    description: d.description,
  };
}

type Existing = {
  plans: (typeof projectAnnualPlans.$inferSelect)[];
  milestones: (typeof projectMilestones.$inferSelect)[];
};

/**
 * Replaces plans, funding and milestones, carrying each baseline forward:
 * the first figure or date entered is the baseline; moving away from it needs a reason.
 */
async function writeChildren(tx: Tx, projectId: string, d: ProjectData, existing: Existing) {
  const issues: FieldIssue[] = [];
  const plans = d.annualPlans.map((plan, i) => {
    const before = existing.plans.find((p) => p.year === plan.year);
    const baselineYuan = before?.baselineYuan ?? plan.amountYuan;
    if (baselineChangeNeedsReason(baselineYuan, plan.amountYuan, plan.changeReason)) {
      issues.push({ path: ['annualPlans', i, 'changeReason'], field: `年度计划第${i + 1}行·调整原因`, message: `${plan.year} 年计划与原计划不同，请填写调整原因（原计划保留备查）` });
    }
    return { projectId, year: plan.year, amountYuan: plan.amountYuan, baselineYuan, changeReason: baselineYuan === plan.amountYuan ? null : plan.changeReason };
  });
  const milestones = d.milestones.map((m, i) => {
    const before = existing.milestones.find((e) => e.kind === m.kind);
    const baselineDate = before?.baselineDate ?? m.plannedDate;
    if (baselineChangeNeedsReason(baselineDate, m.plannedDate, m.changeReason)) {
      issues.push({ path: ['milestones', i, 'changeReason'], field: `节点计划第${i + 1}行·调整原因`, message: `"${MILESTONE_KINDS.label(m.kind)}"计划日期与原计划不同，请填写调整原因` });
    }
    return { projectId, kind: m.kind, plannedDate: m.plannedDate, baselineDate, actualDate: m.actualDate, changeReason: baselineDate === m.plannedDate ? null : m.changeReason };
  });
  // Dropping a row would drop its baseline with it: re-baselining by deletion is refused.
  for (const before of existing.plans) {
    if (!d.annualPlans.some((p) => p.year === before.year)) {
      issues.push({ path: ['annualPlans'], field: '年度计划', message: `${before.year} 年已有年度计划（原计划保留备查），不能删除；如计划取消，请把金额改为 0 并填写调整原因` });
    }
  }
  for (const before of existing.milestones) {
    if (before.baselineDate && !d.milestones.some((m) => m.kind === before.kind)) {
      issues.push({ path: ['milestones'], field: '节点计划', message: `节点"${MILESTONE_KINDS.label(before.kind)}"已有原计划日期，不能删除；如不再需要，请清空计划日期并填写调整原因` });
    }
  }
  if (issues.length) throw new FieldValidationError(issues);

  await tx.delete(projectAnnualPlans).where(eq(projectAnnualPlans.projectId, projectId));
  await tx.delete(projectFunding).where(eq(projectFunding.projectId, projectId));
  await tx.delete(projectMilestones).where(eq(projectMilestones.projectId, projectId));
  if (plans.length) await tx.insert(projectAnnualPlans).values(plans);
  if (d.fundingSources.length) await tx.insert(projectFunding).values(d.fundingSources.map((f) => ({ projectId, ...f })));
  if (milestones.length) await tx.insert(projectMilestones).values(milestones);
}

/** Every referenced region, unit and person must exist and be of the right kind. */
async function checkReferences(tx: Tx, d: ProjectData) {
  const issues: FieldIssue[] = [];
  const regionCodes = [d.regionCode, d.parkCode].filter((c): c is string => !!c);
  const foundRegions = await tx.select().from(regions).where(inArray(regions.code, regionCodes));
  const region = foundRegions.find((r) => r.code === d.regionCode);
  if (!region) issues.push({ path: ['regionCode'], field: '所在区划', message: `区划代码 ${d.regionCode} 不在系统的区划表中` });
  if (d.parkCode) {
    const park = foundRegions.find((r) => r.code === d.parkCode);
    if (!park || park.kind !== 'park') issues.push({ path: ['parkCode'], field: '所在园区', message: `${d.parkCode} 不是系统中的园区` });
  }
  const orgRefs: [keyof ProjectData & string, string | null, string, string][] = [
    ['ownerOrgId', d.ownerOrgId, 'owner', '业主单位'],
    ['responsibleOrgId', d.responsibleOrgId, '', '责任单位'],
    ['hqOrgId', d.hqOrgId, 'hq', '协调指挥部'],
    ['serviceTeamOrgId', d.serviceTeamOrgId, 'service_team', '服务专班'],
  ];
  const orgIds = orgRefs.map(([, id]) => id).filter((id): id is string => !!id);
  const orgs = orgIds.length ? await tx.select().from(organisations).where(inArray(organisations.id, orgIds)) : [];
  for (const [field, id, kind, label] of orgRefs) {
    if (!id) continue;
    const org = orgs.find((o) => o.id === id);
    if (!org || (kind && org.kind !== kind)) issues.push({ path: [field], field: label, message: `所选${label}不存在，请从列表中重新选择` });
  }
  if (d.leaderPersonId && !(await tx.select({ id: people.id }).from(people).where(eq(people.id, d.leaderPersonId))).length) {
    issues.push({ path: ['leaderPersonId'], field: '联点领导', message: '所选领导不存在，请从列表中重新选择' });
  }
  if (d.chainId && !(await tx.select({ id: industrialChains.id }).from(industrialChains).where(eq(industrialChains.id, d.chainId))).length) {
    issues.push({ path: ['chainId'], field: '产业链', message: '所选产业链不存在，请从列表中重新选择' });
  }
  if (issues.length) throw new FieldValidationError(issues);
}

type Identity = { code: string | null; name: string; regionCode: string };

/** The national code is unique, and so is a name within a region (among live projects). */
async function checkUnique(tx: Tx | Db, d: Identity, selfId: string | null) {
  const notSelf = selfId ? ne(projects.id, selfId) : undefined;
  if (d.code) {
    const [dup] = await tx.select({ name: projects.name }).from(projects).where(and(eq(projects.code, d.code), isNull(projects.deletedAt), notSelf));
    if (dup) throw conflict(`项目代码 ${d.code} 已被另一个项目使用，请核对代码`, { field: 'code' });
  }
  const [dupName] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.name, d.name), eq(projects.regionCode, d.regionCode), isNull(projects.deletedAt), notSelf));
  if (dupName) throw conflict(`同一区划内已有名为"${d.name}"的项目`, { field: 'name' });
}

/**
 * checkUnique reads before it writes, so two simultaneous writers can both pass it; the
 * partial unique indexes then refuse the second. Answer that one as checkUnique would (409),
 * not with a server error.
 */
async function raceChecked<T>(db: Db, identity: Identity | (() => Identity | undefined), selfId: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const d = typeof identity === 'function' ? identity() : identity;
    if (!d || !isUniqueViolation(err)) throw err;
    await checkUnique(db, d, selfId);
    throw err;
  }
}

/** PostgreSQL unique_violation (23505), wherever the driver or drizzle put it. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function assertWritable(tx: Tx, user: UserContext, id: string, message: string) {
  const [row] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, id), writeScope(user)));
  if (!row) throw new FieldValidationError([{ path: ['regionCode'], field: '所在区划', message }]);
}

async function audit(tx: Tx, user: UserContext, action: string, projectId: string, data: unknown) {
  await tx.insert(auditLog).values({ userId: user.id, action, entity: 'project', entityId: projectId, data: data as object });
}
