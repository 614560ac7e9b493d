/** What GET /api/notifications answers (see packages/server/src/modules/notifications/routes.ts). */
import type { NotificationKind } from '@pacer/domain';

export interface Notification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}
