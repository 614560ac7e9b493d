/**
 * 调度会: the kinds of dispatch meeting, the agenda proposed from the data, and the ranking
 * of an on-site tour (现场观摩) from the observers' scores.
 */
import { PROBLEM_TYPE_LABELS, type ProblemType } from './problems.ts';

export const MEETING_KINDS = ['daily', 'weekly', 'monthly', 'quarterly', 'tour'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = { daily: '日会商', weekly: '周调度', monthly: '月调度', quarterly: '季通报', tour: '现场观摩' };

export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: '筹备中', held: '已召开' };

export const AGENDA_SECTIONS = ['lagging', 'overdue_problem', 'missing_report', 'chair_project', 'other'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
export const AGENDA_SECTION_LABELS: Record<AgendaSection, string> = {
  lagging: '进度滞后项目',
  overdue_problem: '逾期未办结问题',
  missing_report: '未按时填报项目',
  chair_project: '主持领导联点项目',
  other: '其他事项',
};

/** Projects more than this many points behind time progress are proposed for the agenda (as the dashboard lists them). */
export const DEFAULT_AGENDA_GAP_POINTS = 10;

export interface AgendaItem {
  section: AgendaSection;
  projectId: string | null;
  problemId: string | null;
  title: string;
  note: string;
}

export interface AgendaSource {
  projects: { projectId: string; name: string; regionName: string; gapPoints: number | null; chairLinked: boolean; openProblems: number }[];
  overdueProblems: { problemId: string; number: number; title: string; type: ProblemType; projectName: string | null; leadName: string | null; deadline: string; level: number }[];
  missingReports: { projectId: string; name: string; ownerName: string }[];
  /** Label of the period whose reports are missing, e.g. 2026年第47周. */
  missingPeriod: string;
}

/** Which sections a kind of meeting takes up: a daily consultation only clears urgent problems. */
const SECTIONS_OF: Record<MeetingKind, readonly AgendaSection[]> = {
  daily: ['overdue_problem'],
  weekly: ['lagging', 'overdue_problem', 'missing_report', 'chair_project'],
  monthly: ['lagging', 'overdue_problem', 'missing_report', 'chair_project'],
  quarterly: ['lagging', 'overdue_problem', 'missing_report'],
  tour: ['chair_project', 'lagging'],
};

const pts = (v: number) => Math.abs(v).toFixed(2);

/** The agenda proposed from the data; the office edits it before the meeting. */
export function proposeAgenda(kind: MeetingKind, src: AgendaSource, gapThreshold = DEFAULT_AGENDA_GAP_POINTS): AgendaItem[] {
  const sections = SECTIONS_OF[kind];
  const items: AgendaItem[] = [];
  const lagging = src.projects.filter((p) => p.gapPoints !== null && p.gapPoints < -gapThreshold).sort((a, b) => a.gapPoints! - b.gapPoints!);
  const listed = new Set<string>();
  for (const section of sections) {
    if (section === 'lagging') {
      for (const p of lagging) {
        listed.add(p.projectId);
        const chair = p.chairLinked ? '；主持领导联点项目' : '';
        items.push({ section, projectId: p.projectId, problemId: null, title: `${p.name}（${p.regionName}）`, note: `慢于时序进度${pts(p.gapPoints!)}个百分点${chair}` });
      }
    } else if (section === 'overdue_problem') {
      for (const q of [...src.overdueProblems].sort((a, b) => a.deadline.localeCompare(b.deadline))) {
        const where = q.projectName ? `${q.projectName}：` : '';
        items.push({ section, projectId: null, problemId: q.problemId, title: `${where}${q.title}`, note: `${PROBLEM_TYPE_LABELS[q.type]}问题，牵头单位${q.leadName ?? '未定'}，办理期限${q.deadline}，${q.level}级调度` });
      }
    } else if (section === 'missing_report') {
      for (const m of src.missingReports) items.push({ section, projectId: m.projectId, problemId: null, title: m.name, note: `${m.ownerName}未报送${src.missingPeriod}进度` });
    } else if (section === 'chair_project') {
      for (const p of src.projects.filter((x) => x.chairLinked && !listed.has(x.projectId))) {
        const gap = p.gapPoints === null ? '无年度计划' : `${p.gapPoints >= 0 ? '快' : '慢'}于时序进度${pts(p.gapPoints)}个百分点`;
        items.push({ section, projectId: p.projectId, problemId: null, title: `${p.name}（${p.regionName}）`, note: `${gap}，未办结问题${p.openProblems}个` });
      }
    }
  }
  return items;
}

export interface TourScore {
  /** What is ranked: a project id or a region name. */
  key: string;
  name: string;
  observer: string;
  score: number;
}

export interface RankedScore {
  key: string;
  name: string;
  scores: number;
  average: number;
  rank: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** With this many scores or more, the highest and the lowest are dropped (去掉一个最高分和一个最低分). */
export const TRIM_FROM = 5;

/** Average score per project with ties sharing a rank (1, 1, 3). */
export function tourRanking(scores: readonly TourScore[]): RankedScore[] {
  const groups = new Map<string, { name: string; values: number[] }>();
  for (const s of scores) {
    const g = groups.get(s.key) ?? { name: s.name, values: [] };
    g.values.push(s.score);
    groups.set(s.key, g);
  }
  const averaged = [...groups].map(([key, g]) => {
    const sorted = [...g.values].sort((a, b) => a - b);
    const kept = sorted.length >= TRIM_FROM ? sorted.slice(1, -1) : sorted;
    return { key, name: g.name, scores: g.values.length, average: round2(kept.reduce((a, b) => a + b, 0) / kept.length) };
  });
  return rankAverages(averaged);
}

/** Ranks by average, highest first; equal averages share a rank. */
export function rankAverages<T extends { average: number; name: string }>(list: readonly T[]): (T & { rank: number })[] {
  const sorted = [...list].sort((a, b) => b.average - a.average || a.name.localeCompare(b.name, 'zh-CN'));
  return sorted.map((x) => ({ ...x, rank: sorted.findIndex((y) => y.average === x.average) + 1 }));
}
