/** Words of my projects, English. Same keys as locales.zh.ts (checked by the type). */
import type { Messages } from '../../app/messages.ts';
import type { zh } from './locales.zh.ts';

export const en: Messages<typeof zh> = {
  title: 'My projects',
  hint: {
    leader: 'Projects you are linked to, furthest behind first',
    other: 'Projects you follow, furthest behind first',
  },
  asOf: 'As of',
  kpi: { projects: 'Projects', timeProgress: 'Time progress', openProblems: 'Open problems', overdueProblems: 'Overdue problems', unit: '' },
  columns: {
    name: 'Project',
    region: 'Region',
    hq: 'HQ',
    plan: 'Plan (10k yuan)',
    ytd: 'YTD (10k yuan)',
    completion: 'Completion',
    gap: 'Gap',
    grade: 'Latest grade',
    colour: 'Colour',
    problems: 'Open problems',
    overdue: 'Overdue',
    level: 'Highest level',
  },
  empty: { leader: 'You are not linked to any project yet', other: 'No projects' },
};
