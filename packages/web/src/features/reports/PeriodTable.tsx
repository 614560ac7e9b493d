/**
 * The period's expected projects with their report state. Owners open a project to fill
 * it in; others open the report. On a phone the rows become a list that is easy to tap.
 */
import { RightOutlined } from '@ant-design/icons';
import type { Period } from '@pacer/domain';
import { Button, Empty, Input, List, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { Money } from '../../shared/Money.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { Marks, StateTag } from './StateTag.tsx';
import { REPORT_STATES, type PeriodRow, type ReportState } from './types.ts';

const EDITABLE: readonly ReportState[] = ['missing', 'draft', 'returned'];

/** Where a row leads: the form while the owner may still change it, else the report. */
export function useRowLink(period: Period) {
  const can = useCan();
  return (row: PeriodRow): string | null => {
    if (can('reports:write') && EDITABLE.includes(row.state)) return `/reports/fill/${row.projectId}?kind=${period.kind}&date=${period.start}`;
    return row.reportId ? `/reports/${row.reportId}` : null;
  };
}

interface Props {
  period: Period;
  rows: readonly PeriodRow[];
  loading: boolean;
  state: ReportState | null;
  q: string;
  onFilter: (patch: { state?: ReportState | null; q?: string }) => void;
}

export function PeriodTable({ period, rows, loading, state, q, onFilter }: Props) {
  const { t } = useTranslation('reports');
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const linkOf = useRowLink(period);
  const counts = Object.fromEntries(REPORT_STATES.map((s) => [s, rows.filter((r) => r.state === s).length]));
  const needle = q.toLowerCase();
  const shown = rows.filter((r) => (!state || r.state === state) && (!needle || `${r.projectName} ${r.ownerName}`.toLowerCase().includes(needle)));
  const open = (row: PeriodRow) => {
    const link = linkOf(row);
    if (link) void navigate(link);
  };
  const actionLabel = (row: PeriodRow) => {
    const link = linkOf(row);
    if (!link) return null;
    if (link.startsWith('/reports/fill')) return row.state === 'missing' ? t('actions.fill') : t('actions.edit');
    return t('actions.view');
  };

  const columns: ColumnsType<PeriodRow> = [
    { key: 'name', title: t('columns.project'), dataIndex: 'projectName', render: (v: string) => <span data-testid="report-project">{v}</span> },
    { key: 'region', title: t('columns.region'), dataIndex: 'regionName', width: 90 },
    { key: 'owner', title: t('columns.owner'), dataIndex: 'ownerName', ellipsis: true },
    { key: 'state', title: t('columns.state'), dataIndex: 'state', width: 90, render: (s: ReportState) => <StateTag state={s} /> },
    { key: 'ytd', title: t('columns.ytd'), dataIndex: 'ytdYuan', align: 'right', width: 130, render: (v: number | null) => <Money yuan={v} /> },
    { key: 'marks', title: t('columns.marks'), width: 170, render: (_, r) => <Marks late={r.late} overdue={r.overdue} flags={r.flags} /> },
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 80,
      render: (_, r) => {
        const label = actionLabel(r);
        return label ? (
          <Button size="small" type={EDITABLE.includes(r.state) ? 'primary' : 'default'} data-testid="open-report">
            {label}
          </Button>
        ) : null;
      },
    },
  ];

  return (
    <div data-testid="period-rows">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Segmented<ReportState | 'all'>
          size={narrow ? 'small' : 'middle'}
          value={state ?? 'all'}
          onChange={(v) => onFilter({ state: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: `${t('allStates')} ${rows.length}` },
            ...REPORT_STATES.map((s) => ({ value: s, label: `${t(`states.${s}`)} ${counts[s]}` })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          data-testid="state-filter"
        />
        <Input.Search allowClear defaultValue={q} placeholder={t('keyword')} onSearch={(v) => onFilter({ q: v.trim() })} style={{ width: narrow ? '100%' : 240 }} />
      </div>
      {narrow ? (
        <List
          loading={loading}
          dataSource={shown}
          rowKey="projectId"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          renderItem={(r) => (
            <List.Item onClick={() => open(r)} style={{ cursor: linkOf(r) ? 'pointer' : undefined, paddingInline: 4 }} data-testid="report-row">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong data-testid="report-project">
                  {r.projectName}
                </Typography.Text>
                <div className="pacer-muted" style={{ fontSize: 12 }}>
                  {r.regionName} · {r.ownerName}
                </div>
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  <StateTag state={r.state} />
                  <Marks late={r.late} overdue={r.overdue} flags={r.flags} />
                </Space>
              </div>
              {linkOf(r) && <RightOutlined className="pacer-muted" />}
            </List.Item>
          )}
        />
      ) : (
        <Table<PeriodRow>
          rowKey="projectId"
          size="middle"
          className="pacer-clickable-rows"
          columns={columns}
          dataSource={shown}
          loading={loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => ({ onClick: () => open(r), 'data-testid': 'report-row' }) as object}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
        />
      )}
    </div>
  );
}
