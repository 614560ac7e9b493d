/**
 * 问题交办/督办: the life of a problem from raised to closed (销号), as a state machine that
 * says who may do what next, and the escalation rule through the three dispatch levels.
 */
import { workingDaysBetween, type HolidayCalendar, CHINA_HOLIDAYS } from './calendar.ts';

export const PROBLEM_TYPES = ['land', 'funds', 'labour', 'approval', 'utilities', 'demolition', 'environment', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];
export const PROBLEM_TYPE_LABELS: Record<ProblemType, string> = {
  land: '用地',
  funds: '资金',
  labour: '用工',
  approval: '审批',
  utilities: '水电路气讯',
  demolition: '征地拆迁',
  environment: '环保',
  other: '其他',
};

/** 严重程度. */
export const PROBLEM_SEVERITIES = ['normal', 'major', 'urgent'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];
export const PROBLEM_SEVERITY_LABELS: Record<ProblemSeverity, string> = { normal: '一般', major: '重要', urgent: '紧急' };

/** Where a problem came from: 项目单位, 进度填报, 县市区/园区, 指挥部, 服务专班, 调度会, 竞赛办. */
export const PROBLEM_SOURCES = ['owner', 'report', 'region', 'hq', 'service_team', 'meeting', 'office'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  owner: '项目单位',
  report: '进度填报',
  region: '县市区/园区',
  hq: '指挥部',
  service_team: '调度服务专班',
  meeting: '调度会',
  office: '竞赛办',
};

/** A meeting decision is tracked as a problem (问题) or a task (任务) through the same steps. */
export const PROBLEM_KINDS = ['problem', 'task'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = { problem: '问题', task: '任务' };

export const PROBLEM_STATES = ['raised', 'assigned', 'signed', 'replied', 'reviewed', 'closed'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
export const PROBLEM_STATE_LABELS: Record<ProblemState, string> = {
  raised: '待交办',
  assigned: '待签收',
  signed: '办理中',
  replied: '待复核',
  reviewed: '待销号确认',
  closed: '已销号',
};

/** Who acts: the office, the lead department, a co-handler, the raiser. */
export type ProblemActor = 'office' | 'lead' | 'cohandler' | 'raiser';

export const PROBLEM_ACTIONS = ['solveOnSpot', 'assign', 'sign', 'progress', 'reply', 'recheck', 'sendBack', 'confirm', 'reopen'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

interface Transition {
  from: readonly ProblemState[];
  to: ProblemState;
  by: readonly ProblemActor[];
  label: string;
}

export const TRANSITIONS: Record<ProblemAction, Transition> = {
  solveOnSpot: { from: ['raised'], to: 'closed', by: ['office'], label: '立行立改' },
  assign: { from: ['raised'], to: 'assigned', by: ['office'], label: '交办' },
  sign: { from: ['assigned'], to: 'signed', by: ['lead'], label: '签收' },
  // A progress note keeps the problem with the handlers; only a reply says it is done.
  progress: { from: ['signed'], to: 'signed', by: ['lead', 'cohandler'], label: '报送进展' },
  reply: { from: ['signed', 'replied'], to: 'replied', by: ['lead', 'cohandler'], label: '答复' },
  recheck: { from: ['replied'], to: 'reviewed', by: ['office'], label: '复核通过' },
  sendBack: { from: ['replied'], to: 'signed', by: ['office'], label: '复核退回' },
  confirm: { from: ['reviewed'], to: 'closed', by: ['raiser'], label: '确认销号' },
  reopen: { from: ['reviewed'], to: 'signed', by: ['raiser'], label: '未解决，退回重办' },
};

/** What the given actors may do now. */
export function allowedActions(state: ProblemState, actors: readonly ProblemActor[]): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state) && TRANSITIONS[a].by.some((b) => actors.includes(b)));
}

/** The state after an action, or a Chinese reason why it cannot happen. */
export function applyAction(state: ProblemState, action: ProblemAction, actors: readonly ProblemActor[]): { ok: true; to: ProblemState } | { ok: false; reason: string } {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) return { ok: false, reason: `问题当前为"${PROBLEM_STATE_LABELS[state]}"，不能${t.label}` };
  if (!t.by.some((b) => actors.includes(b))) return { ok: false, reason: `您不能对此问题执行"${t.label}"` };
  return { ok: true, to: t.to };
}

/** The three dispatch levels: 责任单位 → 责任/联点领导 → 主要领导. */
export const DISPATCH_LEVELS = [1, 2, 3] as const;
export const DISPATCH_LEVEL_LABELS = { 1: '一级调度（责任单位）', 2: '二级调度（联点领导）', 3: '三级调度（主要领导）' } as const;

export interface EscalationRules {
  /** Escalate when past the deadline by more than this many working days. */
  overdueWorkingDays: number;
  /** Escalate when nobody acted for this many working days. */
  silentWorkingDays: number;
  /** An assignment not signed for within this many working days is chased. */
  signWithinWorkingDays: number;
  /** Handlers are reminded when the deadline is this many working days away or fewer. */
  dueSoonWorkingDays: number;
  /** The deadline proposed when the office assigns without naming one, by severity. */
  deadlineWorkingDays: Record<ProblemSeverity, number>;
  /** People counted as the city's principal leaders (三级调度); their accounts see the third-level queue. */
  principalPersonIds: string[];
}

export const DEFAULT_ESCALATION: EscalationRules = {
  overdueWorkingDays: 0,
  silentWorkingDays: 5,
  signWithinWorkingDays: 1,
  dueSoonWorkingDays: 2,
  deadlineWorkingDays: { urgent: 3, major: 5, normal: 10 },
  principalPersonIds: [],
};

export interface EscalationInput {
  state: ProblemState;
  level: 1 | 2 | 3;
  deadline: string | null;
  /** Last date anyone acted on it, or when it last moved up a level. */
  lastActivity: string;
}

/** States in which the handlers owe the next step; only these are overdue, chased or escalated. */
export const HANDLER_STATES: readonly ProblemState[] = ['assigned', 'signed'];

/** Whether the problem should move up one level today, and why. */
export function escalationDue(p: EscalationInput, today: string, rules: EscalationRules = DEFAULT_ESCALATION, calendar: HolidayCalendar = CHINA_HOLIDAYS): { escalate: boolean; reason: string | null } {
  // Waiting for the office's re-check or the raiser's confirmation is not the handlers' delay.
  if (!HANDLER_STATES.includes(p.state) || p.level >= 3) return { escalate: false, reason: null };
  if (p.deadline && workingDaysBetween(p.deadline, today, calendar) > rules.overdueWorkingDays && workingDaysBetween(p.lastActivity, today, calendar) > 0) {
    return { escalate: true, reason: `已超过办理期限（${p.deadline}）` };
  }
  const silent = workingDaysBetween(p.lastActivity, today, calendar);
  if (silent >= rules.silentWorkingDays) return { escalate: true, reason: `已连续 ${silent} 个工作日无人办理` };
  return { escalate: false, reason: null };
}

/** An assignment still unsigned past its sign-by day is chased (催签). */
export function signOverdue(state: ProblemState, assignedOn: string, today: string, rules: EscalationRules = DEFAULT_ESCALATION, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  return state === 'assigned' && workingDaysBetween(assignedOn, today, calendar) > rules.signWithinWorkingDays;
}

/**
 * 申请延期: the lead unit asks for a later deadline with a reason; the office approves (the
 * deadline moves) or refuses. At most one request waits at a time.
 */
export const EXTENSION_ACTIONS = ['requestExtension', 'approveExtension', 'refuseExtension'] as const;
export type ExtensionAction = (typeof EXTENSION_ACTIONS)[number];
export const EXTENSION_LABELS: Record<ExtensionAction, string> = { requestExtension: '申请延期', approveExtension: '同意延期', refuseExtension: '不同意延期' };

/** What the actors may do about the deadline now, given whether a request is waiting. */
export function extensionActions(state: ProblemState, actors: readonly ProblemActor[], pending: boolean): ExtensionAction[] {
  if (state === 'closed') return [];
  if (pending) return actors.includes('office') ? ['approveExtension', 'refuseExtension'] : [];
  // Only while the handlers owe the work: a deadline matters to nobody else.
  return HANDLER_STATES.includes(state) && actors.includes('lead') ? ['requestExtension'] : [];
}

/** Why a requested deadline cannot be asked for, in Chinese, or null when it can. */
export function extensionRefusal(current: string | null, requested: string, today: string): string | null {
  if (!current) return '问题尚未确定办理期限，不能申请延期';
  if (requested <= current) return `新的期限应晚于当前期限（${current}）`;
  if (requested < today) return '新的期限不能早于今天';
  return null;
}
