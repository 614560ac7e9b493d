/** What GET /api/bulletins answers (see packages/server/src/modules/bulletins/data.ts). */
import type { Colour, ProblemFigures } from '@pacer/domain';
import type { StatsRow } from '../dashboard/types.ts';

export const BULLETIN_KINDS = ['week', 'month', 'quarter'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export interface BulletinProject {
  name: string;
  regionName: string;
  category: string;
  planWan: number | null;
  ytdWan: number;
  completionRate: number | null;
  gapPoints: number | null;
  /** Chinese grade label from the published board, or null. */
  grade: string | null;
  colour: Colour | null;
}

export interface Bulletin {
  kind: BulletinKind;
  title: string;
  cityName: string;
  periodText: string;
  asOf: string;
  issuedOn: string;
  summary: string[];
  byRegion: StatsRow[];
  byCategory: StatsRow[];
  total: StatsRow;
  projects: BulletinProject[];
  red: BulletinProject[];
  yellow: BulletinProject[];
  gradesPublished: boolean;
  /** 问题交办办理情况: the sentence and the figures by lead department. */
  problems: { sentence: string; total: ProblemFigures; byDepartment: (ProblemFigures & { group: string })[] };
}
