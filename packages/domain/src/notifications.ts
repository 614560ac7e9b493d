/** In-app reminders (消息提醒): what they are about, with labels for people and gateways. */
export const NOTIFICATION_KINDS = ['assigned', 'chase', 'due_soon', 'overdue', 'escalated', 'step', 'report_returned', 'report_missing', 'digest', 'test'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: '新交办',
  chase: '催签收',
  due_soon: '即将到期',
  overdue: '已逾期',
  escalated: '升级调度',
  step: '办理进展',
  report_returned: '报表退回',
  report_missing: '报表未报',
  digest: '每日提醒',
  test: '测试消息',
};
