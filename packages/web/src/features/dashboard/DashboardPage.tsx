/** 数据看板 (/dashboard?year&asOf&level&category): key figures, charts and project lists. */
import { formatYi } from '@pacer/domain';
import { Alert, Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { GapPoints, percentText, wanToYuanNumber } from '../../shared/figures.tsx';
import { todayInBeijing } from '../../shared/periods.ts';
import { Charts } from './Charts.tsx';
import { DashboardFilters } from './DashboardFilters.tsx';
import { filterParams, readFilters, toSearchParams } from './dashboardQuery.ts';
import { useDashboard } from './hooks.ts';
import { ProjectLists } from './ProjectLists.tsx';
import { ProblemFigures } from '../problems/ProblemFigures.tsx';

const KPI_COL = { xs: 12, md: 8, xl: 4 } as const;

export default function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const { locale } = useLocale();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => readFilters(sp), [sp]);
  const params = useMemo(() => filterParams(filters), [filters]);
  const dashboard = useDashboard(params);
  const d = dashboard.data;
  const today = todayInBeijing();
  const year = d?.year ?? filters.year ?? Number(today.slice(0, 4));
  const asOf = d?.asOf ?? filters.asOf ?? today;

  return (
    <div data-testid="dashboard-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {/* The dashboard's tables (by region, category, level; lagging projects) with the filters on screen. */}
        <ExportButton path="/api/exports/dashboard.xlsx" params={params} fileName="dashboard.xlsx" testId="export-dashboard" />
      </div>
      <DashboardFilters value={filters} year={year} asOf={asOf} onChange={(f) => setSp(toSearchParams(f))} />
      {dashboard.isError && <Alert type="error" showIcon title={errorMessage(dashboard.error)} style={{ marginBottom: 12 }} />}
      {!d && dashboard.isPending && <Spin />}
      {d && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="kpis">
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.projects')} value={d.total.projects} suffix={t('kpi.unit') || undefined} />
              </Card>
            </Col>
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.plan')} value={formatYi(wanToYuanNumber(d.total.planWan), 2, locale)} suffix={t('common:units.yi')} />
              </Card>
            </Col>
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.ytd')} value={formatYi(wanToYuanNumber(d.total.ytdWan), 2, locale)} suffix={t('common:units.yi')} data-testid="kpi-ytd" />
              </Card>
            </Col>
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.completion')} value={percentText(d.total.completionRate, locale)} data-testid="kpi-completion" />
              </Card>
            </Col>
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.timeProgress')} value={percentText(d.timeProgress, locale)} />
              </Card>
            </Col>
            <Col {...KPI_COL}>
              <Card size="small">
                <Statistic title={t('kpi.gap')} valueRender={() => <GapPoints value={d.total.gapPoints} />} suffix={t('common:units.points')} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
            {t('kpi.basis')} · {asOf}
          </Typography.Paragraph>
          <Charts data={d} filters={filters} />
          <ProjectLists top={d.top} bottom={d.bottom} lagging={d.lagging} />
          {can('problems:read') && <ProblemFigures from={`${d.year}-01-01`} to={d.asOf} breakdown />}
        </>
      )}
    </div>
  );
}
