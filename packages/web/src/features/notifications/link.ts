/** Where a notice leads: the problem, report, meeting or project it is about; a digest leads to my queue. */
import type { Notification } from './types.ts';

export function notificationLink(n: Pick<Notification, 'kind' | 'entity' | 'entityId'>, canFillReports: boolean): string | null {
  if (n.kind === 'digest') return '/problems';
  if (!n.entityId) return null;
  switch (n.entity) {
    case 'problem':
      return `/problems/${n.entityId}`;
    case 'report':
      return `/reports/${n.entityId}`;
    case 'meeting':
      return `/meetings/${n.entityId}`;
    case 'project':
      // A missing report is a reminder to fill it in, for those who can.
      return n.kind === 'report_missing' && canFillReports ? `/reports/fill/${n.entityId}` : `/projects/${n.entityId}`;
    default:
      return null;
  }
}
