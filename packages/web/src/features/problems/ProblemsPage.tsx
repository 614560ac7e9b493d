/** 问题督办 (/problems): the year's figures, then the queues by role as tabs, filters and the list. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useProblemPage, useQueueCounts } from './hooks.ts';
import { apiParams, readProblemsState, toSearchParams, type ProblemsState } from './listQuery.ts';
import { ProblemFigures } from './ProblemFigures.tsx';
import { ProblemFilters } from './ProblemFilters.tsx';
import { ProblemList } from './ProblemList.tsx';
import { PROBLEM_TABS, type ProblemTab } from './types.ts';

export default function ProblemsPage() {
  const { t } = useTranslation(['problems', 'common']);
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const state = useMemo(() => readProblemsState(sp), [sp]);
  const params = useMemo(() => apiParams(state), [state]);
  const page = useProblemPage(params);
  const counts = useQueueCounts();
  // Any change of tab or filter starts again from the first page.
  const update = (patch: Partial<ProblemsState>) => setSp(toSearchParams({ ...state, page: 1, ...patch }));

  return (
    <div data-testid="problems-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
            {t('title')}
          </Typography.Title>
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common:actions.refresh')}
            onClick={() => {
              void page.refetch();
              void counts.refetch();
            }}
          />
          {can('problems:raise') && (
            <Link to="/problems/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="raise-problem">
                {t('raise')}
              </Button>
            </Link>
          )}
        </div>
      </Card>
      <ProblemFigures />
      <Card size="small">
        <Tabs
          activeKey={state.tab}
          onChange={(tab) => update({ tab: tab as ProblemTab })}
          items={PROBLEM_TABS.map((tab) => ({
            key: tab,
            label: (
              <span data-testid={`tab-${tab}`}>
                {t(`tabs.${tab}`)}{' '}
                {/* 全部 includes closed ones, so it carries no count of open work. */}
                {tab !== 'all' && <Badge count={counts.data?.[tab] ?? 0} showZero overflowCount={999} color={tab === 'overdue' ? 'red' : tab === 'mine' ? 'blue' : '#8c8c8c'} size="small" />}
              </span>
            ),
          }))}
        />
        <ProblemFilters value={state} onChange={update} />
        {page.isError && <Alert type="error" showIcon title={errorMessage(page.error)} style={{ marginBottom: 12 }} />}
        <ProblemList
          data={page.data}
          loading={page.isFetching}
          emptyText={state.tab === 'mine' ? t('empty.mine') : t('empty.other')}
          onPage={(p, pageSize) => setSp(toSearchParams({ ...state, page: pageSize !== state.pageSize ? 1 : p, pageSize }))}
        />
      </Card>
    </div>
  );
}
