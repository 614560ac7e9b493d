/**
 * One page of problems: a table on wide screens, cards on phones. Overdue ones are red, and
 * every row or card opens the problem.
 */
import { Empty, Pagination, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import './problems.css';
import { DeadlineText, LevelTag, ProblemStateTag, SeverityTag } from './ProblemTags.tsx';
import type { ProblemPage, ProblemSummary } from './types.ts';

interface Props {
  data: ProblemPage | undefined;
  loading: boolean;
  emptyText: string;
  onPage: (page: number, pageSize: number) => void;
}

export function ProblemList({ data, loading, emptyText, onPage }: Props) {
  const { t } = useTranslation('problems');
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const open = (p: ProblemSummary) => void navigate(`/problems/${p.id}`);
  const items = data?.items ?? [];

  const columns: ColumnsType<ProblemSummary> = [
    { key: 'number', title: t('columns.number'), dataIndex: 'number', width: 70, render: (n: number) => <span className="pacer-money">#{n}</span> },
    {
      key: 'title',
      title: t('columns.title'),
      render: (_, p) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/problems/${p.id}`} onClick={(e) => e.stopPropagation()} data-testid="problem-title">
            {p.title}
          </Link>
          {p.projectName && <div className="pacer-muted" style={{ fontSize: 12 }}>{p.projectName}</div>}
        </div>
      ),
    },
    { key: 'type', title: t('columns.type'), dataIndex: 'type', width: 100, render: (v: ProblemSummary['type']) => t(`types.${v}`) },
    { key: 'severity', title: t('columns.severity'), dataIndex: 'severity', width: 80, render: (v: ProblemSummary['severity']) => <SeverityTag severity={v} /> },
    { key: 'state', title: t('columns.state'), dataIndex: 'state', width: 110, render: (v: ProblemSummary['state']) => <ProblemStateTag state={v} /> },
    { key: 'lead', title: t('columns.lead'), width: 180, ellipsis: true, render: (_, p) => p.lead?.name ?? '—' },
    { key: 'deadline', title: t('columns.deadline'), width: 200, render: (_, p) => <DeadlineText deadline={p.deadline} workingDaysLeft={p.workingDaysLeft} overdue={p.overdue} /> },
    { key: 'level', title: t('columns.level'), dataIndex: 'level', width: 100, render: (v: number) => <LevelTag level={v} /> },
    { key: 'raisedOn', title: t('columns.raisedOn'), dataIndex: 'raisedOn', width: 110 },
  ];

  if (narrow) {
    return (
      <div data-testid="problem-list">
        {!loading && !items.length && <Empty description={emptyText} />}
        {items.map((p) => (
          <div key={p.id} className={`pacer-problem-card${p.overdue ? ' pacer-problem-card-overdue' : ''}`} onClick={() => open(p)} data-testid="problem-row">
            <Typography.Text strong data-testid="problem-title">
              #{p.number} {p.title}
            </Typography.Text>
            {p.projectName && <div className="pacer-muted" style={{ fontSize: 12 }}>{p.projectName}</div>}
            <Space size={4} wrap style={{ margin: '6px 0' }}>
              <ProblemStateTag state={p.state} />
              <SeverityTag severity={p.severity} />
              {p.level > 1 && <LevelTag level={p.level} />}
              <span className="pacer-muted" style={{ fontSize: 12 }}>{t(`types.${p.type}`)}</span>
            </Space>
            <div style={{ fontSize: 12 }}>
              {p.lead && <span>{p.lead.name} · </span>}
              <DeadlineText deadline={p.deadline} workingDaysLeft={p.workingDaysLeft} overdue={p.overdue} />
            </div>
          </div>
        ))}
        {data && data.total > data.pageSize && <Pagination simple current={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} style={{ textAlign: 'center', marginTop: 8 }} />}
      </div>
    );
  }

  return (
    <Table<ProblemSummary>
      rowKey="id"
      size="middle"
      className="pacer-clickable-rows"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName={(p) => (p.overdue ? 'pacer-problem-overdue' : '')}
      onRow={(p) => ({ onClick: () => open(p), 'data-testid': 'problem-row' }) as object}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('total', { n }),
        onChange: onPage,
      }}
      data-testid="problem-list"
    />
  );
}
