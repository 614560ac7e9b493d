/** 调度会 (/meetings?kind=&year=): the meetings by kind and year, newest first; the office creates them. */
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type MeetingKind } from '@pacer/domain';
import { Alert, Button, Card, Empty, List, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { todayInBeijing } from '../../shared/periods.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { CreateMeetingDialog } from './CreateMeetingDialog.tsx';
import { useMeetings } from './hooks.ts';
import { KindTag, StatusTag } from './tags.tsx';
import type { MeetingSummary } from './types.ts';

export default function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const can = useCan();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const kind = MEETING_KINDS.find((k) => k === sp.get('kind'));
  const year = Number(sp.get('year')) || thisYear;
  const [creating, setCreating] = useState(false);
  const list = useMeetings(kind, year);
  const update = (patch: { kind?: MeetingKind | 'all'; year?: number }) => {
    const next = { kind: kind ?? 'all', year, ...patch };
    const out = new URLSearchParams();
    if (next.kind !== 'all') out.set('kind', next.kind);
    if (next.year !== thisYear) out.set('year', String(next.year));
    setSp(out);
  };
  const years = Array.from({ length: 5 }, (_, i) => thisYear + 1 - i);
  const open = (m: MeetingSummary) => void navigate(`/meetings/${m.id}`);

  return (
    <div data-testid="meetings-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }}>
            {t('title')}
          </Typography.Title>
          <Select aria-label={t('year')} value={year} onChange={(y) => update({ year: y })} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 96 }} data-testid="meetings-year" />
          {can('meetings:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-meeting">
              {t('create')}
            </Button>
          )}
        </div>
        <Tabs
          activeKey={kind ?? 'all'}
          onChange={(k) => update({ kind: k as MeetingKind | 'all' })}
          items={(['all', ...MEETING_KINDS] as const).map((k) => ({ key: k, label: t(`kinds.${k}`) }))}
          style={{ marginBottom: -12 }}
          data-testid="meeting-kinds"
        />
      </Card>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <Card size="small">
        {narrow ? <MeetingCards items={list.data ?? []} loading={list.isFetching} /> : <MeetingTable items={list.data ?? []} loading={list.isFetching} onOpen={open} />}
      </Card>
      {creating && <CreateMeetingDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function MeetingTable({ items, loading, onOpen }: { items: MeetingSummary[]; loading: boolean; onOpen: (m: MeetingSummary) => void }) {
  const { t } = useTranslation('meetings');
  const columns: ColumnsType<MeetingSummary> = [
    { key: 'heldOn', title: t('list.heldOn'), dataIndex: 'heldOn', width: 120 },
    { key: 'title', title: t('list.title'), render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link> },
    { key: 'kind', title: t('list.kind'), width: 110, render: (_, m) => <KindTag kind={m.kind} /> },
    { key: 'chair', title: t('list.chair'), width: 120, render: (_, m) => m.chair?.name ?? '—' },
    { key: 'location', title: t('list.location'), render: (_, m) => m.location ?? '—' },
    { key: 'agenda', title: t('list.agendaItems'), dataIndex: 'agendaItems', width: 80, align: 'right' },
    { key: 'decisions', title: t('list.decisions'), dataIndex: 'decisions', width: 96, align: 'right' },
    { key: 'status', title: t('list.status'), width: 96, render: (_, m) => <StatusTag status={m.status} /> },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      className="pacer-clickable-rows"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      onRow={(m) => ({ onClick: () => onOpen(m), 'data-testid': 'meeting-row' }) as object}
      data-testid="meeting-table"
    />
  );
}

/** On a phone: one card per meeting, everything on two lines. */
function MeetingCards({ items, loading }: { items: MeetingSummary[]; loading: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      data-testid="meeting-table"
      renderItem={(m) => (
        <List.Item data-testid="meeting-row">
          <List.Item.Meta
            title={<Link to={`/meetings/${m.id}`}>{m.title}</Link>}
            description={
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
                <span>{m.heldOn}</span>
                <KindTag kind={m.kind} />
                <StatusTag status={m.status} />
                <Tag bordered={false}>{t('list.counts', { agenda: m.agendaItems, decisions: m.decisions })}</Tag>
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}
