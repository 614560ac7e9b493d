/**
 * A ledger row becomes a project to create or the changes to an existing one. Blank cells
 * leave a field as it is; what the row says is checked by the same rules as the project form
 * (projectInput, through parseProjectInput, its fast path for valid rows), and each failure is
 * reported on the column a person would correct.
 */
import { formatWan, parseProjectInput, PROJECT_LEVELS, type GroupContext, type LedgerField, type LedgerValues, type ProjectData } from '@pacer/domain';
import { mayChangeProjects, mayCreateProjects, type Actor } from './actor.ts';
import type { Dictionary } from './dictionary.ts';
import type { ExistingProject } from './existing.ts';
import type { ImportDefaults } from './schema.ts';

export interface RowProblem {
  level: 'error' | 'warning';
  field: LedgerField | null;
  reason: string;
}

export type ProjectColumns = Omit<ProjectData, 'annualPlans' | 'fundingSources' | 'milestones'>;

/** What a commit writes for a project: all its columns, and this year's plan when the row gives one. */
export interface ProjectPayload {
  columns: ProjectColumns;
  plan: { year: number; amountYuan: number; baselineYuan: number; changeReason: string | null } | null;
}

export interface AssembleContext {
  actor: Actor;
  dict: Dictionary;
  defaults: ImportDefaults;
  planYear: number;
  fileName: string;
}

export interface AssembledProject {
  action: 'create' | 'update' | 'unchanged' | 'skip';
  payload: ProjectPayload | null;
  changes: { field: string; before: string; after: string }[];
  newOwner: string | null;
  problems: RowProblem[];
}

/** A stand-in owner id while a new owner unit waits to be created at commit. */
export const NEW_OWNER = '00000000-0000-4000-8000-000000000000';

const ISSUE_FIELDS: Record<string, LedgerField> = {
  code: 'code',
  name: 'name',
  levels: 'levels',
  category: 'category',
  status: 'status',
  track: 'track',
  regionCode: 'region',
  parkCode: 'park',
  industryCode: 'industry',
  ownerOrgId: 'owner',
  responsibleOrgId: 'responsible',
  leaderPersonId: 'leader',
  hqOrgId: 'hq',
  serviceTeamOrgId: 'serviceTeam',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  totalInvestmentYuan: 'total',
  annualPlans: 'annualPlan',
  fundingSources: 'total',
  plannedStart: 'plannedStart',
  plannedFinish: 'plannedFinish',
  description: 'description',
};

const LABELS: Partial<Record<keyof ProjectColumns, string>> = {
  code: '项目代码',
  name: '项目名称',
  levels: '项目级别',
  category: '项目类别',
  status: '建设状态',
  track: '竞赛赛道',
  regionCode: '所在区划',
  parkCode: '所在园区',
  industryCode: '国民经济行业',
  ownerOrgId: '业主单位',
  responsibleOrgId: '责任单位',
  leaderPersonId: '联点领导',
  hqOrgId: '协调指挥部',
  serviceTeamOrgId: '服务专班',
  contactName: '联系人',
  contactPhone: '联系电话',
  totalInvestmentYuan: '计划总投资',
  plannedStart: '计划开工',
  plannedFinish: '计划竣工',
  description: '建设内容',
};

type Resolver = (text: string) => { ok: true; id: string } | { ok: false; reason: string };

/** Resolves one reference into `out[key]`, or records why it could not (module-level: runs for every row). */
function resolveInto(out: Partial<ProjectColumns>, key: keyof ProjectColumns, field: LedgerField, text: string | undefined, resolve: Resolver, level: 'error' | 'warning', problems: RowProblem[]) {
  if (text === undefined) return;
  const r = resolve(text);
  if (r.ok) (out as Record<string, unknown>)[key] = r.id;
  else problems.push({ level, field, reason: level === 'warning' ? `${r.reason}，此项未导入` : r.reason });
}

/** The row's references resolved; unknown optional ones are warnings and stay as they were. */
function references(v: LedgerValues, ctx: AssembleContext, problems: RowProblem[]) {
  const out: Partial<ProjectColumns> = {};
  let newOwner: string | null = null;
  const { dict } = ctx;
  resolveInto(out, 'regionCode', 'region', v.region, dict.region, 'error', problems);
  resolveInto(out, 'parkCode', 'park', v.park, dict.park, 'error', problems);
  if (v.responsible !== undefined) resolveInto(out, 'responsibleOrgId', 'responsible', v.responsible, (t) => dict.org('responsible', t), 'warning', problems);
  resolveInto(out, 'leaderPersonId', 'leader', v.leader, dict.person, 'warning', problems);
  if (v.hq !== undefined) resolveInto(out, 'hqOrgId', 'hq', v.hq, (t) => dict.org('hq', t), 'warning', problems);
  if (v.serviceTeam !== undefined) resolveInto(out, 'serviceTeamOrgId', 'serviceTeam', v.serviceTeam, (t) => dict.org('service_team', t), 'warning', problems);
  if (v.owner !== undefined) {
    const r = dict.org('owner', v.owner);
    if (r.ok) out.ownerOrgId = r.id;
    else if (r.reason.includes('可能是')) problems.push({ level: 'error', field: 'owner', reason: r.reason });
    else newOwner = v.owner;
  }
  // A park row often names no county: the park's own parent stands in.
  if (!out.regionCode && out.parkCode) out.regionCode = dict.parentOf(out.parkCode) ?? undefined;
  return { refs: out, newOwner };
}

/** The plain (unresolved) fields a row gives, each only when its cell was filled, over `out`. */
function putPlain(out: ProjectColumns, v: LedgerValues): void {
  if (v.code !== undefined) out.code = v.code;
  if (v.name !== undefined) out.name = v.name;
  if (v.levels !== undefined) out.levels = v.levels;
  if (v.category !== undefined) out.category = v.category;
  if (v.status !== undefined) out.status = v.status;
  if (v.track !== undefined) out.track = v.track;
  if (v.industry !== undefined) out.industryCode = v.industry;
  if (v.contactName !== undefined) out.contactName = v.contactName;
  if (v.contactPhone !== undefined) out.contactPhone = v.contactPhone;
  if (v.total !== undefined) out.totalInvestmentYuan = v.total;
  if (v.plannedStart !== undefined) out.plannedStart = v.plannedStart;
  if (v.plannedFinish !== undefined) out.plannedFinish = v.plannedFinish;
  if (v.description !== undefined) out.description = v.description;
}

/** A field a new project must have; one already reported (a name that matched nothing) is not also reported as missing. */
function need(problems: RowProblem[], field: LedgerField, present: unknown, reason: string) {
  if (!present && !hasProblemOn(problems, field)) problems.push({ level: 'error', field, reason });
}

// Loops rather than some(…) with an arrow: these run several times for every row of a ledger.
function hasProblemOn(problems: RowProblem[], field: LedgerField): boolean {
  for (let i = 0; i < problems.length; i++) if (problems[i]!.field === field) return true;
  return false;
}

export function hasError(problems: RowProblem[]): boolean {
  for (let i = 0; i < problems.length; i++) if (problems[i]!.level === 'error') return true;
  return false;
}

const skipped = (problems: RowProblem[]): AssembledProject => ({ action: 'skip', payload: null, changes: [], newOwner: null, problems });

const EMPTY: ProjectColumns = {
  code: null, name: '', levels: [], category: 'industry', status: 'new', track: null, regionCode: '', parkCode: null, industryCode: null, chainId: null,
  ownerOrgId: '', responsibleOrgId: null, leaderPersonId: null, hqOrgId: null, serviceTeamOrgId: null, contactName: null, contactPhone: null,
  totalInvestmentYuan: 0, plannedStart: null, plannedFinish: null, latitude: null, longitude: null, description: null,
};

export function assembleProject(v: LedgerValues, group: GroupContext, existing: ExistingProject | null, ctx: AssembleContext): AssembledProject {
  const problems: RowProblem[] = [];
  if (existing && !existing.writable) {
    problems.push({ level: 'error', field: 'name', reason: ctx.actor.role === 'owner' ? '不是本单位的项目，不能导入' : '该项目不在您负责的范围内，不能修改' });
    return skipped(problems);
  }
  if (existing && !mayChangeProjects(ctx.actor)) return { action: 'unchanged', payload: null, changes: [], newOwner: null, problems };
  if (!existing && !mayCreateProjects(ctx.actor)) {
    problems.push({ level: 'error', field: 'name', reason: '系统中没有这个项目；业主单位只能导入本单位已有项目的进度，新项目请联系竞赛办录入' });
    return skipped(problems);
  }
  const { refs, newOwner } = references(v, ctx, problems);
  const d = ctx.defaults;
  // The project as it is (or the defaults), then what the row says, then the references it names.
  const columns: ProjectColumns = existing ? columnsOf(existing) : { ...EMPTY, levels: group.levels ?? d.levels ?? [], category: group.category ?? d.category ?? ('' as never), status: group.status ?? d.status ?? ('' as never), track: d.track ?? null, regionCode: d.regionCode ?? '' };
  putPlain(columns, v);
  Object.assign(columns, refs);
  if (!existing) {
    if (newOwner) columns.ownerOrgId = NEW_OWNER;
    need(problems, 'name', columns.name, '缺少项目名称');
    need(problems, 'region', columns.regionCode, '缺少所在区划（可增加"县市区"列，或在导入设置中指定默认区划）');
    need(problems, 'owner', columns.ownerOrgId, '缺少业主单位');
    need(problems, 'total', v.total !== undefined, '新项目须填写计划总投资');
    need(problems, 'levels', columns.levels.length, '缺少项目级别（可增加"项目级别"列，或在导入设置中指定默认值）');
    need(problems, 'category', columns.category, '缺少项目类别（可增加"项目类别"列或分组行，或在导入设置中指定默认值）');
    need(problems, 'status', columns.status, '缺少建设状态（可增加"建设状态"列，或在导入设置中指定默认值）');
  } else if (newOwner) {
    problems.push({ level: 'warning', field: 'owner', reason: `系统中没有名为"${newOwner}"的业主单位，业主单位保持不变` });
  }
  if (ctx.actor.role === 'coordinator' && columns.regionCode && !inArea(ctx, columns)) {
    problems.push({ level: 'error', field: 'region', reason: '项目所在区划不在您负责的区域内' });
  }
  const plan = planOf(v, existing, ctx, problems);
  if (hasError(problems)) return skipped(problems);
  const checked = parseProjectInput({ ...columns, annualPlans: mergedPlans(existing, plan), fundingSources: existing?.funding ?? [], milestones: [] });
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.push({ level: 'error', field: ISSUE_FIELDS[String(issue.path[0])] ?? null, reason: issue.message });
    return skipped(problems);
  }
  // A new project's empty fields are left out of the staged row (its columns default to null).
  if (!existing) return { action: 'create', payload: { columns: payloadColumns(checked.data, true), plan }, changes: [], newOwner, problems };
  const payload: ProjectPayload = { columns: payloadColumns(checked.data, false), plan };
  const changes = diff(columnsOf(existing), payload.columns, ctx);
  if (plan && existing.plans.find((p) => p.year === plan.year)?.amountYuan !== plan.amountYuan) {
    const before = existing.plans.find((p) => p.year === plan.year)?.amountYuan;
    changes.push({ field: `${plan.year}年度计划`, before: before === undefined ? '' : `${formatWan(before)}万元`, after: `${formatWan(plan.amountYuan)}万元` });
  }
  return { action: changes.length ? 'update' : 'unchanged', payload: changes.length ? payload : null, changes, newOwner: null, problems };
}

/** The parsed project without its plans, funding and milestones, levels in order; without its empty fields when asked. */
function payloadColumns(data: ProjectData, dropNulls: boolean): ProjectColumns {
  const out: Record<string, unknown> = {};
  for (const k in data) {
    if (k === 'annualPlans' || k === 'fundingSources' || k === 'milestones') continue;
    const value = k === 'levels' ? sortLevels(data.levels) : data[k as keyof ProjectData];
    if (!(dropNulls && value === null)) out[k] = value;
  }
  return out as ProjectColumns;
}

/** Levels in the vocabulary's order, so "省重点、市重点" and "市重点、省重点" are no change. */
const sortLevels = (l: ProjectColumns['levels']) => (l.length < 2 ? [...l] : [...l].sort(inLevelOrder));
const inLevelOrder = (a: ProjectColumns['levels'][number], b: ProjectColumns['levels'][number]) => PROJECT_LEVELS.keys.indexOf(a) - PROJECT_LEVELS.keys.indexOf(b);

function inArea(ctx: AssembleContext, c: ProjectColumns): boolean {
  const area = ctx.actor.regionCode!;
  return ctx.dict.ancestors(c.regionCode).includes(area) || (c.parkCode !== null && ctx.dict.ancestors(c.parkCode).includes(area));
}

/** This year's plan from the row; a change from the baseline is recorded with the file as its reason. */
function planOf(v: LedgerValues, existing: ExistingProject | null, ctx: AssembleContext, problems: RowProblem[]): ProjectPayload['plan'] {
  if (v.annualPlan === undefined) return null;
  const before = existing?.plans.find((p) => p.year === ctx.planYear);
  const baselineYuan = before?.baselineYuan ?? v.annualPlan;
  if (before && before.amountYuan !== v.annualPlan) {
    problems.push({ level: 'warning', field: 'annualPlan', reason: `${ctx.planYear} 年度计划将由 ${formatWan(before.amountYuan)} 万元调整为 ${formatWan(v.annualPlan)} 万元（原计划 ${formatWan(baselineYuan)} 万元保留备查）` });
  }
  return { year: ctx.planYear, amountYuan: v.annualPlan, baselineYuan, changeReason: baselineYuan === v.annualPlan ? null : (before?.amountYuan === v.annualPlan ? before.changeReason : `Excel 导入调整：${ctx.fileName}`) };
}

function mergedPlans(existing: ExistingProject | null, plan: ProjectPayload['plan']) {
  const out: { year: number; amountYuan: number; changeReason: string | null }[] = [];
  for (const p of existing?.plans ?? []) if (p.year !== plan?.year) out.push({ year: p.year, amountYuan: p.amountYuan, changeReason: p.changeReason });
  if (plan) out.push({ year: plan.year, amountYuan: plan.amountYuan, changeReason: plan.changeReason });
  return out;
}

export function columnsOf(e: ExistingProject): ProjectColumns {
  const r = e.row;
  return {
    code: r.code, name: r.name, levels: sortLevels(r.levels as ProjectColumns['levels']), category: r.category as ProjectColumns['category'], status: r.status as ProjectColumns['status'],
    track: r.track as ProjectColumns['track'], regionCode: r.regionCode, parkCode: r.parkCode, industryCode: r.industryCode, chainId: r.chainId, ownerOrgId: r.ownerOrgId,
    responsibleOrgId: r.responsibleOrgId, leaderPersonId: r.leaderPersonId, hqOrgId: r.hqOrgId, serviceTeamOrgId: r.serviceTeamOrgId, contactName: r.contactName,
    contactPhone: r.contactPhone, totalInvestmentYuan: r.totalInvestmentYuan, plannedStart: r.plannedStart, plannedFinish: r.plannedFinish, latitude: r.latitude,
    longitude: r.longitude, description: r.description,
  };
}

function diff(before: ProjectColumns, after: ProjectColumns, ctx: AssembleContext) {
  const show = (k: keyof ProjectColumns, x: unknown): string => {
    if (x === null || x === undefined) return '';
    if (k === 'totalInvestmentYuan') return `${formatWan(x as number)}万元`;
    if (k === 'regionCode' || k === 'parkCode') return ctx.dict.regionName(String(x));
    if (k === 'ownerOrgId' || k === 'responsibleOrgId' || k === 'hqOrgId' || k === 'serviceTeamOrgId') return ctx.dict.orgName(String(x));
    if (k === 'leaderPersonId') return ctx.dict.personName(String(x));
    return Array.isArray(x) ? x.join('、') : String(x);
  };
  const out: { field: string; before: string; after: string }[] = [];
  for (const k of Object.keys(LABELS) as (keyof ProjectColumns)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.push({ field: LABELS[k]!, before: show(k, before[k]), after: show(k, after[k]) });
  }
  return out;
}
