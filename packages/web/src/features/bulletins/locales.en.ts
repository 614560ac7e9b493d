/** Words of bulletins, English. Same keys as locales.zh.ts (checked by the type). The bulletin text itself stays Chinese. */
import type { Messages } from '../../app/messages.ts';
import type { zh } from './locales.zh.ts';

export const en: Messages<typeof zh> = {
  title: 'Bulletins',
  print: 'Print',
  downloadDocx: 'Word',
  downloadXlsx: 'Excel',
  downloadFailed: 'Download failed',
  issuer: '{{city}} key-project campaign office',
  unitNote: 'Unit: 10k yuan',
  sections: {
    overall: '1. Overview',
    byRegion: '2. By county (park)',
    byCategory: '3. By category',
    projects: '4. By project',
    redYellow: '5. Red and yellow lists',
  },
  columns: {
    index: 'No.',
    region: 'County',
    category: 'Category',
    projects: 'Projects',
    plan: 'Plan',
    ytd: 'YTD',
    completion: 'Completion',
    gap: 'Gap (points)',
    name: 'Project',
    grade: 'Grade',
    colour: 'Colour',
    total: 'Total',
  },
  red: 'Red ({{count}}): ',
  yellow: 'Yellow ({{count}}, caught up): ',
  noRed: 'No red project this period.',
  noYellow: 'No yellow project this period.',
  gradesNotPublished: 'This week’s board is not published yet; grades are missing.',
  basis: 'Figures by physical progress, as of {{date}}.',
};
