/** Words of notifications, English. Same keys as locales.zh.ts (checked by the type). */
import type { Messages } from '../../app/messages.ts';
import type { zh } from './locales.zh.ts';

export const en: Messages<typeof zh> = {
  bell: 'Notifications',
  bellCount: '{{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  empty: 'No notifications',
  kinds: { assigned: 'Assigned', chase: 'Sign for it', due_soon: 'Due soon', overdue: 'Overdue', escalated: 'Escalated', step: 'Progress', report_returned: 'Report returned', report_missing: 'Report missing', digest: 'Daily digest', test: 'Test' },
};
