/**
 * The bell in the header: unread count, and the latest notices in a popover (a drawer on
 * phones). A notice opens what it is about and is marked read; all can be marked read at once.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, List, Popover, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from './hooks.ts';
import { notificationLink } from './link.ts';
import type { Notification } from './types.ts';

const KIND_COLOURS: Partial<Record<Notification['kind'], string>> = { assigned: 'blue', chase: 'orange', due_soon: 'gold', overdue: 'red', escalated: 'red', report_returned: 'orange', report_missing: 'orange' };

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const narrow = useIsNarrow();
  const [open, setOpen] = useState(false);
  const data = useNotifications();
  const toggle = (next: boolean) => {
    // Opening the list shows what is there now, not what was there at the last poll.
    if (next) void data.refetch();
    setOpen(next);
  };
  const unread = data.data?.unread ?? 0;

  // On wide screens the popover opens and closes itself on click; on phones the button opens the drawer.
  const button = (
    <Button type="text" aria-label={t('bellCount', { count: unread })} onClick={narrow ? () => toggle(!open) : undefined} data-testid="notification-bell">
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  const list = <NotificationList items={data.data?.items ?? []} loading={data.isPending} unread={unread} onOpen={() => setOpen(false)} />;

  if (narrow) {
    return (
      <>
        {button}
        <Drawer placement="right" size={320} open={open} onClose={() => setOpen(false)} title={t('title')} styles={{ body: { padding: 0 } }}>
          {list}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={toggle} trigger="click" placement="bottomRight" title={t('title')} content={<div style={{ width: 380 }}>{list}</div>}>
      {button}
    </Popover>
  );
}

function NotificationList({ items, loading, unread, onOpen }: { items: Notification[]; loading: boolean; unread: number; onOpen: () => void }) {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const can = useCan();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const link = notificationLink(n, can('reports:write'));
    if (link) {
      onOpen();
      void navigate(link);
    }
  };

  return (
    <div data-testid="notification-list">
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '0 8px' }}>
        <Button type="link" size="small" disabled={!unread} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('markAllRead')}
        </Button>
      </div>
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(n) => (
          <List.Item
            onClick={() => openItem(n)}
            style={{ cursor: 'pointer', paddingInline: 8, background: n.readAt ? undefined : '#f0f7ff' }}
            data-testid="notification-item"
            data-unread={!n.readAt}
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      type="link"
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        markRead.mutate(n.id);
                      }}
                    >
                      {t('markRead')}
                    </Button>,
                  ]
            }
          >
            <div style={{ minWidth: 0 }}>
              <Tag color={KIND_COLOURS[n.kind]} style={{ marginInlineEnd: 6 }}>
                {t(`kinds.${n.kind}`)}
              </Tag>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 12 }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <div className="pacer-muted" style={{ fontSize: 12 }}>
                {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
              </div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
