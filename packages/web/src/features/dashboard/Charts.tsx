/** The dashboard's charts. Clicking a region, category or level bar lists its projects. */
import { GRADES, PROJECT_CATEGORIES, PROJECT_LEVELS } from '@pacer/domain';
import { Card, Col, Empty, Row, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { GRADE_CHART_COLOURS, gradeLabel, percentText } from '../../shared/figures.tsx';
import { periodText } from '../../shared/periods.ts';
import { useRegions } from '../../shared/reference.ts';
import { EChart } from './charts/EChart.tsx';
import { COLOURS, gradesOption, regionOption, splitOption, trendOption } from './charts/options.ts';
import { projectListLink, type DashboardFilters } from './dashboardQuery.ts';
import type { Dashboard } from './types.ts';

/** Group labels come in Chinese from the API; the vocabulary gives back the key. */
const keyOfLabel = <K extends string>(list: readonly { key: K; zh: string }[], label: string) => list.find((t) => t.zh === label)?.key;

export function Charts({ data, filters }: { data: Dashboard; filters: DashboardFilters }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const regions = useRegions();
  const names = useMemo(() => ({ completion: t('charts.completion'), timeProgress: t('charts.timeProgress'), ytd: t('charts.ytd'), month: (m: number) => t('charts.month', { m }) }), [t]);

  const region = useMemo(() => regionOption(data.byRegion, data.timeProgress, names), [data, names]);
  const trend = useMemo(() => trendOption(data.trend, names), [data, names]);
  const byCategory = useMemo(() => splitOption(data.byCategory, data.timeProgress, names), [data, names]);
  const byLevel = useMemo(() => splitOption(data.byLevel, data.timeProgress, names), [data, names]);
  const grades = useMemo(
    () =>
      data.grades &&
      gradesOption([...GRADES, 'none' as const].map((g) => ({ name: g === 'none' ? t('common:grades.none') : gradeLabel(g, locale), value: data.grades!.distribution[g], colour: GRADE_CHART_COLOURS[g] }))),
    [data, locale, t],
  );

  const onRegion = useCallback(
    (e: ECElementEvent) => {
      const code = regions.data?.find((r) => r.name === e.name)?.code;
      if (code) void navigate(projectListLink(filters, { region: code }));
    },
    [regions.data, filters, navigate],
  );
  const onCategory = useCallback(
    (e: ECElementEvent) => {
      const category = keyOfLabel(PROJECT_CATEGORIES.list, e.name);
      if (category) void navigate(projectListLink(filters, { category }));
    },
    [filters, navigate],
  );
  const onLevel = useCallback(
    (e: ECElementEvent) => {
      const level = keyOfLabel(PROJECT_LEVELS.list, e.name);
      if (level) void navigate(projectListLink(filters, { level }));
    },
    [filters, navigate],
  );

  const progressNote = (
    <span style={{ color: COLOURS.timeProgress, fontSize: 12 }}>
      ┆ {t('charts.timeProgress')} {percentText(data.timeProgress, locale)}
    </span>
  );

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('charts.byRegion')} extra={<Typography.Text type="secondary" className="pacer-hide-narrow">{t('charts.byRegionHint')}</Typography.Text>}>
          <EChart option={region} onClick={onRegion} testId="chart-region" label={t('charts.byRegion')} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('charts.trend')}>
          <EChart option={trend} testId="chart-trend" label={t('charts.trend')} />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card size="small" title={t('charts.byCategory')} extra={progressNote}>
          <EChart option={byCategory} height={240} onClick={onCategory} testId="chart-category" label={t('charts.byCategory')} />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card size="small" title={t('charts.byLevel')} extra={progressNote}>
          <EChart option={byLevel} height={240} onClick={onLevel} testId="chart-level" label={t('charts.byLevel')} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={t('charts.grades')}
          extra={data.grades && <Link to={`/public/boards/${data.grades.boardId}`}>{t('charts.openBoard')}</Link>}
        >
          {data.grades && grades ? (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('charts.gradesWeek', { week: periodText('week', data.grades.weekStart, locale), version: data.grades.version })}
              </Typography.Text>
              <EChart option={grades} height={216} testId="chart-grades" label={t('charts.grades')} />
            </>
          ) : (
            <Empty description={t('charts.gradesNone')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
