/** The project's fields in the sections an office reads them: basics, who, money, schedule, place. */
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES, type ProjectDetail } from '@pacer/domain';
import { Card, Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { Money } from '../../shared/Money.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { MonthlyPlanSection } from './battle-plan/MonthlyPlanSection.tsx';
import { AnnualPlanTable, FundingTable, MilestoneTable } from './PlanTables.tsx';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
const COLUMNS = { xs: 1, sm: 2, xl: 3 } as const;

export function ProjectSections({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const narrow = useIsNarrow();

  const item = (key: string, label: string, children: ReactNode, span?: number | 'filled'): NonNullable<DescriptionsProps['items']>[number] => ({
    key,
    label,
    children: dash(children),
    span,
  });

  const section = (key: string, title: string, items: DescriptionsProps['items'], extra?: ReactNode) => (
    <Card key={key} title={title} size="small" style={{ marginBottom: 16 }} data-testid={`section-${key}`}>
      <Descriptions
        bordered
        size={narrow ? 'small' : 'middle'}
        column={COLUMNS}
        items={items}
        // Labels stay on the left on phones too: a stacked layout doubles the page length.
        styles={{ label: { whiteSpace: 'nowrap', width: narrow ? 96 : undefined } }}
      />
      {extra}
    </Card>
  );

  const sub = (title: string, body: ReactNode) => (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {body}
    </div>
  );

  return (
    <>
      {section('basic', t('detail.sections.basic'), [
        item('code', t('fields.code'), p.code),
        item('name', t('fields.name'), p.name),
        item('levels', t('fields.levels'), p.levels.map((l) => <Tag key={l}>{PROJECT_LEVELS.label(l, locale)}</Tag>)),
        item('category', t('fields.category'), PROJECT_CATEGORIES.label(p.category, locale)),
        item('status', t('fields.status'), PROJECT_STATUSES.label(p.status, locale)),
        item('track', t('fields.track'), p.track ? COMPETITION_TRACKS.label(p.track, locale) : null),
        item('region', t('fields.region'), `${p.regionName}（${p.regionCode}）`),
        item('park', t('fields.park'), p.parkName ? `${p.parkName}（${p.parkCode}）` : null),
        item('industryCode', t('fields.industryCode'), p.industryCode),
        item('chain', t('fields.chain'), p.chain?.name),
        item(
          'inStatistics',
          t('fields.inStatistics'),
          <Tag color={p.inStatistics ? 'green' : 'default'} data-testid="in-statistics">
            {p.inStatistics ? t('detail.inStatisticsYes') : t('detail.inStatisticsNo')}
          </Tag>,
        ),
      ])}
      {section('people', t('detail.sections.people'), [
        item('owner', t('fields.owner'), p.owner?.name),
        item('responsibleOrg', t('fields.responsibleOrg'), p.responsibleOrg?.name),
        item('leader', t('fields.leader'), p.leader?.name),
        item('hq', t('fields.hq'), p.hq?.name),
        item('serviceTeam', t('fields.serviceTeam'), p.serviceTeam?.name),
        item('contact', t('fields.contactName'), [p.contactName, p.contactPhone].filter(Boolean).join(' · ')),
      ])}
      {section(
        'investment',
        t('detail.sections.investment'),
        [
          item('totalWan', t('fields.totalInvestmentWan'), <span data-testid="total-investment-wan"><Money yuan={p.totalInvestmentYuan} /></span>),
          item('totalYi', t('fields.totalInvestmentYi'), <Money yuan={p.totalInvestmentYuan} unit="yi" />),
          item('annualPlan', t('list.annualPlanOfYear', { year: new Date().getFullYear() }), <Money yuan={p.annualPlanYuan} />),
        ],
        <>
          {sub(t('fields.annualPlans'), <AnnualPlanTable plans={p.annualPlans} />)}
          {sub(t('fields.fundingSources'), <FundingTable funding={p.fundingSources} />)}
        </>,
      )}
      {section(
        'schedule',
        t('detail.sections.schedule'),
        [item('plannedStart', t('fields.plannedStart'), p.plannedStart), item('plannedFinish', t('fields.plannedFinish'), p.plannedFinish)],
        sub(t('fields.milestones'), <MilestoneTable milestones={p.milestones} />),
      )}
      <MonthlyPlanSection project={p} />
      {section('location', t('detail.sections.location'), [
        item('location', t('fields.location'), p.latitude !== null && p.longitude !== null ? `${p.latitude}, ${p.longitude}` : null),
        item('description', t('fields.description'), p.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span> : null, 'filled'),
      ])}
    </>
  );
}
