/** What GET /api/my/projects answers (see packages/server/src/modules/my-projects). */
import type { Colour, Grade } from '@pacer/domain';

export interface MyProject {
  id: string;
  name: string;
  regionName: string;
  hqName: string | null;
  leaderName: string | null;
  planWan: number | null;
  ytdWan: number;
  completionRate: number | null;
  gapPoints: number | null;
  /** Chinese label of the latest published grade. */
  grade: string | null;
  gradeKey: Grade | null;
  colour: Colour | null;
  openProblems: number;
  overdueProblems: number;
  highestLevel: number | null;
}

export interface MyProjects {
  year: number;
  asOf: string;
  timeProgress: number;
  projects: MyProject[];
  openProblems: number;
  overdueProblems: number;
}
