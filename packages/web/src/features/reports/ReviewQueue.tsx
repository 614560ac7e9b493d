/** 审核: the period's submitted reports, those the checks flagged first, each approved or returned in place. */
import type { Period } from '@pacer/domain';
import { Button, Empty, List, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Money } from '../../shared/Money.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { ReviewDialog, type ReviewAction } from './ReviewDialogs.tsx';
import { Marks } from './StateTag.tsx';
import type { PeriodRow } from './types.ts';

export function reviewQueue(rows: readonly PeriodRow[]): PeriodRow[] {
  return rows
    .filter((r) => r.state === 'submitted' && r.reportId)
    .sort((a, b) => b.flags - a.flags || Number(b.late) - Number(a.late) || a.projectName.localeCompare(b.projectName, 'zh-CN'));
}

export function ReviewQueue({ rows, loading }: { period: Period; rows: readonly PeriodRow[]; loading: boolean }) {
  const { t } = useTranslation(['reports', 'common']);
  const narrow = useIsNarrow();
  const [open, setOpen] = useState<{ row: PeriodRow; action: ReviewAction } | null>(null);
  const queue = reviewQueue(rows);
  const buttons = (r: PeriodRow) => (
    <Space size={4}>
      <Button size="small" type="primary" onClick={() => setOpen({ row: r, action: 'approve' })} data-testid="queue-approve">
        {t('review.approve')}
      </Button>
      <Button size="small" danger onClick={() => setOpen({ row: r, action: 'return' })} data-testid="queue-return">
        {t('review.return')}
      </Button>
    </Space>
  );

  const columns: ColumnsType<PeriodRow> = [
    {
      key: 'name',
      title: t('columns.project'),
      dataIndex: 'projectName',
      render: (v: string, r) => (
        <Link to={`/reports/${r.reportId}`} data-testid="report-project">
          {v}
        </Link>
      ),
    },
    { key: 'region', title: t('columns.region'), dataIndex: 'regionName', width: 90 },
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName', ellipsis: true },
    { key: 'ytd', title: t('columns.ytd'), dataIndex: 'ytdYuan', align: 'right', width: 130, render: (v: number | null) => <Money yuan={v} /> },
    { key: 'marks', title: t('columns.marks'), width: 150, render: (_, r) => <Marks late={r.late} overdue={false} flags={r.flags} /> },
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 150,
      render: (_, r) => buttons(r),
    },
  ];

  return (
    <div data-testid="review-queue">
      <Typography.Paragraph type="secondary">{t('review.queueHint')}</Typography.Paragraph>
      {narrow ? (
        <List
          loading={loading}
          dataSource={queue}
          rowKey="projectId"
          locale={{ emptyText: <Empty description={t('review.empty')} /> }}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 4, display: 'block' }} data-testid="queue-row">
              <Link to={`/reports/${r.reportId}`} data-testid="report-project">
                <Typography.Text strong>{r.projectName}</Typography.Text>
              </Link>
              <div className="pacer-muted" style={{ fontSize: 12 }}>
                {r.regionName} · {r.ownerName} · <Money yuan={r.ytdYuan} /> {t('common:units.wan')}
              </div>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginTop: 6 }}>
                <Marks late={r.late} overdue={false} flags={r.flags} />
                {buttons(r)}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<PeriodRow>
          rowKey="projectId"
          size="middle"
          columns={columns}
          dataSource={queue}
          loading={loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={() => ({ 'data-testid': 'queue-row' }) as object}
          locale={{ emptyText: <Empty description={t('review.empty')} /> }}
        />
      )}
      {open && <ReviewDialog reportId={open.row.reportId!} projectName={open.row.projectName} action={open.action} onClose={() => setOpen(null)} />}
    </div>
  );
}
