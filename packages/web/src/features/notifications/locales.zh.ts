/** Words of 消息提醒, Simplified Chinese — the reference table. */
export const zh = {
  bell: '消息',
  bellCount: '{{count}} 条未读消息',
  title: '消息提醒',
  markAllRead: '全部标为已读',
  markRead: '标为已读',
  empty: '没有消息',
  kinds: { assigned: '新交办', chase: '催签收', due_soon: '即将到期', overdue: '已逾期', escalated: '升级调度', step: '办理进展', report_returned: '报表退回', report_missing: '报表未报', digest: '每日提醒', test: '测试消息' },
};
