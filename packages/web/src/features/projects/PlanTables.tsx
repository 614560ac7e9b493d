/**
 * The baseline tables of a project: annual plans and milestones shown against their
 * original figures (原计划), so a moved target is visible rather than silently replaced.
 */
import { FUNDING_SOURCES, MILESTONE_KINDS, type ProjectDetail } from '@pacer/domain';
import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { Money } from '../../shared/Money.tsx';

type Plan = ProjectDetail['annualPlans'][number];
type Milestone = ProjectDetail['milestones'][number];
type Funding = ProjectDetail['fundingSources'][number];

export function AnnualPlanTable({ plans }: { plans: Plan[] }) {
  const { t } = useTranslation('projects');
  return (
    <Table<Plan>
      size="small"
      rowKey="year"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={plans}
      data-testid="annual-plans"
      columns={[
        { key: 'year', title: t('detail.plans.year'), dataIndex: 'year', width: 80 },
        { key: 'baseline', title: t('detail.plans.baseline'), dataIndex: 'baselineYuan', align: 'right', render: (v: number) => <Money yuan={v} /> },
        {
          key: 'current',
          title: t('detail.plans.current'),
          align: 'right',
          render: (_, p) => (
            <>
              {p.amountYuan !== p.baselineYuan && <Tag color="orange">{t('detail.plans.changed')}</Tag>}
              <Money yuan={p.amountYuan} />
            </>
          ),
        },
        { key: 'reason', title: t('detail.plans.reason'), dataIndex: 'changeReason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function FundingTable({ funding }: { funding: Funding[] }) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  return (
    <Table<Funding>
      size="small"
      rowKey="source"
      pagination={false}
      dataSource={funding}
      data-testid="funding-sources"
      columns={[
        { key: 'source', title: t('detail.funding.source'), dataIndex: 'source', render: (v: string) => FUNDING_SOURCES.label(v, locale) },
        { key: 'amount', title: t('detail.funding.amount'), dataIndex: 'amountYuan', align: 'right', render: (v: number) => <Money yuan={v} /> },
      ]}
    />
  );
}

/** Planned but not done by today: the dispatch meeting's first question. */
export const isOverdue = (m: Milestone, today: string) => !m.actualDate && !!m.plannedDate && m.plannedDate < today;

export function MilestoneTable({ milestones }: { milestones: Milestone[] }) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const today = dayjs().format('YYYY-MM-DD');
  const state = (m: Milestone) =>
    m.actualDate ? (
      <Tag color="green">{t('detail.milestones.done')}</Tag>
    ) : isOverdue(m, today) ? (
      <Tag color="red">{t('detail.milestones.overdue')}</Tag>
    ) : (
      <Tag>{t('detail.milestones.pending')}</Tag>
    );
  return (
    <Table<Milestone>
      size="small"
      rowKey="kind"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={milestones}
      data-testid="milestones"
      rowClassName={(m) => (isOverdue(m, today) ? 'pacer-overdue' : '')}
      columns={[
        { key: 'kind', title: t('detail.milestones.kind'), dataIndex: 'kind', render: (v: string) => MILESTONE_KINDS.label(v, locale) },
        {
          key: 'planned',
          title: t('detail.milestones.planned'),
          render: (_, m) => <Typography.Text type={isOverdue(m, today) ? 'danger' : undefined}>{m.plannedDate ?? '—'}</Typography.Text>,
        },
        { key: 'baseline', title: t('detail.milestones.baseline'), dataIndex: 'baselineDate', render: (v: string | null) => v ?? '—' },
        { key: 'actual', title: t('detail.milestones.actual'), dataIndex: 'actualDate', render: (v: string | null) => v ?? '—' },
        { key: 'state', title: t('detail.milestones.state'), render: (_, m) => state(m) },
        { key: 'reason', title: t('detail.milestones.reason'), dataIndex: 'changeReason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
