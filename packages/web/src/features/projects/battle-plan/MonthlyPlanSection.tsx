/**
 * 作战图 section of the project detail page: the year's monthly plan (own or from the time
 * curve), its three-colour record, and editing for those who may edit the project.
 */
import type { ProjectDetail } from '@pacer/domain';
import { Alert, Card, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { Money } from '../../../shared/Money.tsx';
import { ColourStrip } from './ColourStrip.tsx';
import { useColourRecord, useMonthlyPlan } from './hooks.ts';
import { PlanEditor } from './PlanEditor.tsx';

/** The years a project plans for, and this year, newest first. */
function planYears(project: ProjectDetail, thisYear: number): number[] {
  return [...new Set([thisYear, ...project.annualPlans.map((p) => p.year)])].sort((a, b) => b - a);
}

export function MonthlyPlanSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['battlePlan', 'common']);
  const can = useCan();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const plan = useMonthlyPlan(project.id, year);
  const record = useColourRecord(project.id, year);
  const canEdit = can('projects:update') && project.deletedAt === null;
  const p = plan.data;

  return (
    <Card
      size="small"
      title={t('title')}
      style={{ marginBottom: 16 }}
      data-testid="section-battle-plan"
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={planYears(project, thisYear).map((y) => ({ value: y, label: t('yearOption', { year: y }) }))}
          aria-label={t('year')}
          style={{ width: 110 }}
          data-testid="plan-year"
        />
      }
    >
      {plan.isError && <Alert type="error" showIcon title={errorMessage(plan.error)} />}
      {plan.isPending && <Spin />}
      {p && (
        <>
          <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
            <Tag color={p.source === 'plan' ? 'blue' : 'default'} data-testid="plan-source">
              {t(`source.${p.source}`)}
            </Tag>
            <Typography.Text data-testid="plan-annual">
              {p.annualPlanYuan === null ? (
                t('noAnnualPlan')
              ) : (
                <>
                  {t('annualPlan')}：<Money yuan={p.annualPlanYuan} /> {t('common:units.wan')}
                </>
              )}
            </Typography.Text>
            {p.updatedBy && p.updatedAt && (
              <Typography.Text type="secondary">{t('savedBy', { name: p.updatedBy, time: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
            )}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {canEdit ? t('hint') : t('readOnly')}
          </Typography.Paragraph>
          {record.data && (
            <div style={{ marginBottom: 12 }}>
              <ColourStrip record={record.data} />
            </div>
          )}
          <PlanEditor key={`${year}:${p.source}:${p.updatedAt ?? ''}`} projectId={project.id} plan={p} record={record.data} canEdit={canEdit} />
        </>
      )}
    </Card>
  );
}
