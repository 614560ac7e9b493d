/** Words of the dashboard, English. Same keys as locales.zh.ts (checked by the type). */
import type { Messages } from '../../app/messages.ts';
import type { zh } from './locales.zh.ts';

export const en: Messages<typeof zh> = {
  title: 'Dashboard',
  filters: { year: 'Year', asOf: 'As of', level: 'Level', category: 'Category', any: 'All', reset: 'Reset' },
  kpi: {
    projects: 'Key projects',
    plan: 'Annual plan',
    ytd: 'Invested YTD',
    completion: 'Completion',
    timeProgress: 'Time progress',
    gap: 'Gap',
    unit: '',
    basis: 'By physical progress',
  },
  charts: {
    byRegion: 'Completion vs time progress by county',
    byRegionHint: 'Click a bar to list that area’s projects',
    trend: 'Monthly trend',
    byCategory: 'Completion by category',
    byLevel: 'Completion by level',
    grades: 'Grades on the latest weekly board',
    gradesWeek: '{{week}} · version {{version}}',
    gradesNone: 'No weekly board published yet',
    completion: 'Completion',
    timeProgress: 'Time progress',
    ytd: 'YTD (100M yuan)',
    month: 'M{{m}}',
    loading: 'Loading chart…',
    openBoard: 'Open board',
  },
  lists: {
    top: 'Top ten by completion',
    bottom: 'Bottom ten by completion',
    lagging: 'Behind time progress',
    project: 'Project',
    region: 'Region',
    completion: 'Completion',
    gap: 'Gap',
  },
};
