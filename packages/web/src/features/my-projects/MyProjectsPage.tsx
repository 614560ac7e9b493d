/**
 * 我的项目 (/my/projects): a leader's linked projects (an HQ's own), furthest behind time
 * progress first, each with its grade, three-colour code and open problems, linking on to the
 * project and to its problems.
 */
import { Alert, Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ColourDot, GapPoints, GradeTag, Percent, percentText, wanToYuanNumber } from '../../shared/figures.tsx';
import { Money } from '../../shared/Money.tsx';
import { isIsoDate } from '../../shared/periods.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { LevelTag } from '../problems/ProblemTags.tsx';
import { useMyProjects } from './hooks.ts';
import type { MyProject } from './types.ts';

const KPI_COL = { xs: 12, md: 6 } as const;
const problemsOf = (p: MyProject) => `/problems?tab=all&projectId=${p.id}`;

export default function MyProjectsPage() {
  const { t } = useTranslation('myProjects');
  const { locale } = useLocale();
  const user = useUser();
  const narrow = useIsNarrow();
  const [sp, setSp] = useSearchParams();
  const asOfParam = sp.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : undefined;
  const data = useMyProjects(asOf);
  const d = data.data;
  const who = user.role === 'leader' ? 'leader' : 'other';

  const columns: ColumnsType<MyProject> = [
    { key: 'name', title: t('columns.name'), render: (_, p) => <Link to={`/projects/${p.id}`} data-testid="my-project-name">{p.name}</Link> },
    { key: 'region', title: t('columns.region'), dataIndex: 'regionName', width: 100 },
    { key: 'hq', title: t('columns.hq'), dataIndex: 'hqName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { key: 'plan', title: t('columns.plan'), align: 'right', render: (_, p) => <Money yuan={p.planWan === null ? null : wanToYuanNumber(p.planWan)} /> },
    { key: 'ytd', title: t('columns.ytd'), align: 'right', render: (_, p) => <Money yuan={wanToYuanNumber(p.ytdWan)} /> },
    { key: 'completion', title: t('columns.completion'), align: 'right', render: (_, p) => <Percent value={p.completionRate} /> },
    { key: 'gap', title: t('columns.gap'), align: 'right', render: (_, p) => <GapPoints value={p.gapPoints} /> },
    { key: 'grade', title: t('columns.grade'), render: (_, p) => <GradeTag grade={p.gradeKey} /> },
    { key: 'colour', title: t('columns.colour'), align: 'center', render: (_, p) => <ColourDot colour={p.colour} /> },
    {
      key: 'problems',
      title: t('columns.problems'),
      align: 'right',
      render: (_, p) => (p.openProblems ? <Link to={problemsOf(p)} data-testid="my-project-problems">{p.openProblems}</Link> : 0),
    },
    { key: 'overdue', title: t('columns.overdue'), align: 'right', render: (_, p) => (p.overdueProblems ? <span className="pacer-overdue">{p.overdueProblems}</span> : 0) },
    { key: 'level', title: t('columns.level'), render: (_, p) => (p.highestLevel ? <LevelTag level={p.highestLevel} /> : '—') },
  ];

  return (
    <div data-testid="my-projects-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <div style={{ flex: 1, minWidth: 200 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t(`hint.${who}`)}</Typography.Text>
          </div>
          <Space>
            {t('asOf')}
            <DatePicker
              allowClear
              value={d ? dayjs(d.asOf) : null}
              onChange={(v) => setSp(v ? { asOf: v.format('YYYY-MM-DD') } : {})}
              data-testid="my-projects-asof"
            />
          </Space>
        </div>
      </Card>
      {data.isError && <Alert type="error" showIcon title={errorMessage(data.error)} style={{ marginBottom: 12 }} />}
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col {...KPI_COL}>
            <Card size="small">
              <Statistic title={t('kpi.projects')} value={d.projects.length} suffix={t('kpi.unit') || undefined} data-testid="my-projects-count" />
            </Card>
          </Col>
          <Col {...KPI_COL}>
            <Card size="small">
              <Statistic title={t('kpi.timeProgress')} value={percentText(d.timeProgress, locale)} />
            </Card>
          </Col>
          <Col {...KPI_COL}>
            <Card size="small">
              <Statistic title={t('kpi.openProblems')} value={d.openProblems} suffix={t('kpi.unit') || undefined} />
            </Card>
          </Col>
          <Col {...KPI_COL}>
            <Card size="small">
              <Statistic title={t('kpi.overdueProblems')} value={d.overdueProblems} suffix={t('kpi.unit') || undefined} valueStyle={d.overdueProblems ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small">
        {narrow ? (
          <MyProjectCards rows={d?.projects ?? []} loading={data.isPending} empty={t(`empty.${who}`)} />
        ) : (
          <Table<MyProject>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={d?.projects ?? []}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t(`empty.${who}`)} /> }}
            data-testid="my-projects-table"
          />
        )}
      </Card>
    </div>
  );
}

function MyProjectCards({ rows, loading, empty }: { rows: MyProject[]; loading: boolean; empty: string }) {
  const { t } = useTranslation('myProjects');
  if (!loading && !rows.length) return <Empty description={empty} />;
  return (
    <div data-testid="my-projects-table">
      {rows.map((p) => (
        <div key={p.id} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', padding: '10px 4px' }}>
          <Link to={`/projects/${p.id}`} data-testid="my-project-name">
            <Typography.Text strong>{p.name}</Typography.Text>
          </Link>
          <div className="pacer-muted" style={{ fontSize: 12 }}>
            {p.regionName}
          </div>
          <Space size={8} wrap style={{ marginTop: 4 }}>
            <span>
              {t('columns.completion')} <Percent value={p.completionRate} />
            </span>
            <span>
              {t('columns.gap')} <GapPoints value={p.gapPoints} />
            </span>
            <GradeTag grade={p.gradeKey} />
            <ColourDot colour={p.colour} />
            {p.openProblems > 0 && (
              <Link to={problemsOf(p)}>
                <Tag color={p.overdueProblems ? 'red' : 'blue'}>
                  {t('columns.problems')} {p.openProblems}
                </Tag>
              </Link>
            )}
          </Space>
        </div>
      ))}
    </div>
  );
}
