/** Words of the monthly plan section, English. Same keys as locales.zh.ts (checked by the type). */
import type { Messages } from '../../../app/messages.ts';
import type { zh } from './locales.zh.ts';

export const en: Messages<typeof zh> = {
  title: 'Monthly plan (作战图)',
  year: 'Year',
  yearOption: '{{year}}',
  source: { plan: 'Project’s own plan', curve: 'From the time curve (no own plan)' },
  annualPlan: 'Annual plan',
  noAnnualPlan: 'No annual plan for this year',
  savedBy: 'Saved by {{name}} at {{time}}',
  hint: 'Enter the investment due by each month’s end (10k yuan, never falling; December should equal the annual plan). A month’s milestones come from the milestone plan. The three-colour code is measured against this plan.',
  columns: {
    month: 'Month',
    cumulative: 'Cumulative plan at month end',
    increment: 'Planned in month',
    curve: 'From time curve',
    actual: 'Reported YTD',
    milestones: 'Milestones due',
    colour: 'Colour',
  },
  monthName: '{{month}}',
  milestone: { done: 'Done {{date}}', overdue: 'Overdue', pending: 'Due {{date}}' },
  fromCurve: 'Fill from time curve',
  undo: 'Undo changes',
  save: 'Save plan',
  saved: 'Monthly plan saved',
  reset: 'Back to the time curve',
  resetConfirm: 'Delete this year’s own plan and return to the annual plan along the time curve?',
  resetDone: 'Back on the time curve',
  fixErrors: '{{count}} item(s) need correcting',
  warnings: 'Please check',
  readOnly: 'Read only: you may not change this project',
  record: {
    title: 'Three-colour record',
    asOf: 'As of {{date}}',
    none: 'Not ended or no monthly report',
    short: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    legend: {
      green: 'investment at month end at least the plan, and every milestone due reached',
      red: 'behind the plan (investment short, or a milestone due not reached)',
      yellow: 'the month was red and the project has since caught up: a red month turns yellow once caught up and stays so in the record',
      none: 'month not ended, or no submitted monthly report',
    },
    monthTip: 'Month {{month}}: plan {{planned}}, done {{actual}}, overdue milestones {{missed}}',
  },
};
