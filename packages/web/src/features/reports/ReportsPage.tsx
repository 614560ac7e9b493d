/** 进度填报 (/reports): period picker, then the period's rows, the review queue and late / missing by unit. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { deadlineText, todayInBeijing } from '../../shared/periods.ts';
import { PeriodPicker } from '../../shared/PeriodPicker.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { ComplianceTable } from './ComplianceTable.tsx';
import { usePeriodReports } from './hooks.ts';
import { PeriodTable } from './PeriodTable.tsx';
import { readReportsState, toSearchParams, type ReportsState } from './reportsQuery.ts';
import { reviewQueue, ReviewQueue } from './ReviewQueue.tsx';

export default function ReportsPage() {
  const { t } = useTranslation(['reports', 'common']);
  const { locale } = useLocale();
  const narrow = useIsNarrow();
  const can = useCan();
  const today = todayInBeijing();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readReportsState(searchParams, today), [searchParams, today]);
  const update = (patch: Partial<ReportsState>) => setSearchParams(toSearchParams({ ...state, ...patch }, today), { replace: patch.q !== undefined });
  const data = usePeriodReports(state.kind, state.date);
  const rows = data.data?.rows ?? [];
  const submitted = rows.filter((r) => r.state === 'submitted' || r.state === 'approved').length;
  const tab = state.tab === 'review' && !can('reports:review') ? 'list' : state.tab;

  return (
    <div data-testid="reports-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0, flex: narrow ? '1 1 100%' : '0 0 auto' }}>
            {t('title')}
          </Typography.Title>
          <PeriodPicker kind={state.kind} date={state.date} kinds={['week', 'month']} onChange={(p) => update(p)} />
          <Space wrap size={4} style={{ flex: '1 1 auto' }}>
            {data.data && (
              <Typography.Text type="secondary" data-testid="period-deadline">
                {t('deadline', { time: deadlineText(data.data.deadline, locale) })}
              </Typography.Text>
            )}
            {data.data && (
              <Typography.Text type="secondary" data-testid="period-counts">
                · {t('counts', { expected: rows.length, submitted, missing: rows.length - submitted })}
              </Typography.Text>
            )}
          </Space>
          <Button icon={<ReloadOutlined />} aria-label={t('common:actions.refresh')} onClick={() => void data.refetch()} />
        </div>
      </Card>
      {data.isError && <Alert type="error" showIcon title={errorMessage(data.error)} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k as ReportsState['tab'] })}
          items={[
            {
              key: 'list',
              label: t('tabs.list'),
              children: data.data && <PeriodTable period={data.data.period} rows={rows} loading={data.isFetching} state={state.state} q={state.q} onFilter={update} />,
            },
            ...(can('reports:review')
              ? [
                  {
                    key: 'review',
                    label: `${t('tabs.review')} ${reviewQueue(rows).length}`,
                    children: data.data && <ReviewQueue period={data.data.period} rows={rows} loading={data.isFetching} />,
                  },
                ]
              : []),
            {
              key: 'compliance',
              label: t('tabs.compliance'),
              children: <ComplianceTable kind={state.kind} date={state.date} groupBy={state.groupBy} onGroupBy={(groupBy) => update({ groupBy })} />,
            },
          ]}
          data-testid="report-tabs"
        />
      </Card>
    </div>
  );
}
