/**
 * 问题办理 figures: how many were raised, solved on the spot (立行立改), assigned (交办),
 * closed (销号), overdue; the on-time rate and the average days to close. One definition
 * serves the API, the dashboard and the bulletin.
 */
import { addWorkingDays, CHINA_HOLIDAYS, type HolidayCalendar } from './calendar.ts';
import { periodOf } from './periods.ts';
import { HANDLER_STATES, type ProblemState } from './problems.ts';

/** What the figures need to know about one problem; dates are 'YYYY-MM-DD' (Beijing). */
export interface ProblemFact {
  state: ProblemState;
  solvedOnSpot: boolean;
  raisedOn: string;
  assignedOn: string | null;
  deadline: string | null;
  /** When the office accepted the handlers' reply (复核通过): the work was done by then. */
  resolvedOn: string | null;
  closedOn: string | null;
}

export interface ProblemFigures {
  raised: number;
  open: number;
  /** 立行立改. */
  solvedOnSpot: number;
  /** 交办. */
  assigned: number;
  /** 已销号, on the spot included. */
  closed: number;
  overdue: number;
  /** Resolved by the deadline ÷ resolved, of assigned problems with a deadline; percent, 2 decimals. */
  onTimeRate: number | null;
  /** Calendar days from raised to closed, mean over closed assigned problems; 1 decimal. */
  avgDaysToClose: number | null;
}

/** Past its deadline while the handlers still owe the work; the deadline day itself is not late. */
export function isOverdue(p: Pick<ProblemFact, 'state' | 'deadline'>, today: string): boolean {
  return HANDLER_STATES.includes(p.state) && p.deadline !== null && p.deadline < today;
}

/** Not yet overdue, and due within `workingDays` working days from today (today counts as 0). */
export function isDueSoon(p: Pick<ProblemFact, 'state' | 'deadline'>, today: string, workingDays: number, calendar: HolidayCalendar = CHINA_HOLIDAYS): boolean {
  if (!HANDLER_STATES.includes(p.state) || p.deadline === null || p.deadline < today) return false;
  return p.deadline <= addWorkingDays(today, workingDays, calendar);
}

/** Not yet overdue and due by the Sunday of today's week (本周到期). */
export function isDueThisWeek(p: Pick<ProblemFact, 'state' | 'deadline'>, today: string): boolean {
  return HANDLER_STATES.includes(p.state) && p.deadline !== null && p.deadline >= today && p.deadline <= periodOf('week', today).end;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export function problemFigures(list: readonly ProblemFact[], today: string): ProblemFigures {
  const assigned = list.filter((p) => p.assignedOn !== null);
  const judged = assigned.filter((p) => p.deadline !== null && p.resolvedOn !== null);
  const closedAssigned = assigned.filter((p) => p.state === 'closed' && p.closedOn !== null);
  return {
    raised: list.length,
    open: list.filter((p) => p.state !== 'closed').length,
    solvedOnSpot: list.filter((p) => p.solvedOnSpot).length,
    assigned: assigned.length,
    closed: list.filter((p) => p.state === 'closed').length,
    overdue: list.filter((p) => isOverdue(p, today)).length,
    onTimeRate: judged.length ? round((judged.filter((p) => p.resolvedOn! <= p.deadline!).length / judged.length) * 100, 2) : null,
    avgDaysToClose: closedAssigned.length ? round(closedAssigned.reduce((s, p) => s + days(p.raisedOn, p.closedOn!), 0) / closedAssigned.length, 1) : null,
  };
}

/** The bulletin's sentence on problem handling (问题办理情况). */
export function problemSentence(f: ProblemFigures, scopeName = '今年以来'): string {
  const rate = f.onTimeRate === null ? '' : `，按期办结率${f.onTimeRate.toFixed(2)}%`;
  const days = f.avgDaysToClose === null ? '' : `，平均${f.avgDaysToClose}天办结`;
  return `${scopeName}共收集问题${f.raised}个，其中立行立改${f.solvedOnSpot}个、交办${f.assigned}个；已销号${f.closed}个${rate}${days}；逾期未办结${f.overdue}个。`;
}
