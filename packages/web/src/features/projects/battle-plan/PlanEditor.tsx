/**
 * The twelve months of a 作战图: month-end cumulative plan (editable in 万元 for those who may
 * edit the project), what each month adds, the curve figure beside it, the month report's
 * 本年累计, the milestones planned in the month and the month's colour.
 */
import type { ColourRecordDto, MonthlyPlanDto } from '@pacer/domain';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { Money } from '../../../shared/Money.tsx';
import { WanInput } from '../../../shared/WanInput.tsx';
import { ColourTag } from './ColourStrip.tsx';
import { useWriteMonthlyPlan } from './hooks.ts';
import { checkPlan, monthlyIncrements, sameValues, toValues, toYuan, type PlanValues } from './planValues.ts';

type Month = MonthlyPlanDto['months'][number];

function MilestoneTags({ month }: { month: Month }) {
  const { t } = useTranslation('battlePlan');
  const today = dayjs().format('YYYY-MM-DD');
  if (!month.milestones.length) return <span className="pacer-muted">—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {month.milestones.map((m) => {
        const overdue = !m.actualDate && m.plannedDate < today;
        const state = m.actualDate ? t('milestone.done', { date: m.actualDate }) : overdue ? t('milestone.overdue') : t('milestone.pending', { date: m.plannedDate });
        return (
          <Tag key={m.kind} color={m.actualDate ? 'green' : overdue ? 'red' : undefined} data-testid="plan-milestone" style={{ marginInlineEnd: 0 }}>
            {m.label} · {state}
          </Tag>
        );
      })}
    </Space>
  );
}

export function PlanEditor({ projectId, plan, record, canEdit }: { projectId: string; plan: MonthlyPlanDto; record: ColourRecordDto | undefined; canEdit: boolean }) {
  const { t } = useTranslation('battlePlan');
  const { message } = App.useApp();
  const original = toValues(plan);
  const [values, setValues] = useState<PlanValues>(original);
  const [serverError, setServerError] = useState<string | null>(null);
  const write = useWriteMonthlyPlan(projectId, plan.year);
  const check = checkPlan(values, plan.annualPlanYuan, plan.year);
  const dirty = !sameValues(values, original);
  const increments = monthlyIncrements(toYuan(values));
  const warnings = dirty ? check.warnings : plan.warnings;

  const setMonth = (month: number, value: string | null) => {
    setServerError(null);
    setValues((v) => v.map((x, i) => (i === month - 1 ? (value ?? '') : x)));
  };
  const save = () =>
    write.mutate(toYuan(values), {
      onSuccess: () => void message.success(t('saved')),
      onError: (error) => setServerError(errorMessage(error)),
    });
  const reset = () =>
    write.mutate(null, {
      onSuccess: () => void message.success(t('resetDone')),
      onError: (error) => setServerError(errorMessage(error)),
    });

  return (
    <>
      {(serverError || (dirty && check.messages.length > 0)) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="plan-errors"
          style={{ marginBottom: 12 }}
          title={serverError ?? t('fixErrors', { count: check.messages.length })}
          description={serverError ? undefined : <ul style={{ margin: 0, paddingInlineStart: 20 }}>{check.messages.map((m) => <li key={m}>{m}</li>)}</ul>}
        />
      )}
      {warnings.length > 0 && <Alert type="warning" showIcon data-testid="plan-warnings" style={{ marginBottom: 12 }} title={t('warnings')} description={warnings.join('；')} />}
      <Table<Month>
        size="small"
        rowKey="month"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={plan.months}
        data-testid="plan-table"
        columns={[
          { key: 'month', title: t('columns.month'), fixed: 'left', width: 64, render: (_, m) => t('monthName', { month: m.month }) },
          {
            key: 'cumulative',
            title: t('columns.cumulative'),
            width: canEdit ? 170 : undefined,
            align: canEdit ? undefined : 'right',
            render: (_, m) =>
              canEdit ? (
                <WanInput
                  value={values[m.month - 1]}
                  onChange={(v) => setMonth(m.month, v)}
                  status={check.byMonth.has(m.month) ? 'error' : undefined}
                  aria-label={`${t('monthName', { month: m.month })} ${t('columns.cumulative')}`}
                  data-testid={`plan-month-${m.month}`}
                />
              ) : (
                <Money yuan={m.cumulativeYuan} />
              ),
          },
          { key: 'increment', title: t('columns.increment'), align: 'right', render: (_, m) => <Money yuan={increments[m.month - 1]} /> },
          { key: 'curve', title: t('columns.curve'), align: 'right', render: (_, m) => <Typography.Text type="secondary"><Money yuan={m.curveYuan} /></Typography.Text> },
          { key: 'actual', title: t('columns.actual'), align: 'right', render: (_, m) => <Money yuan={record?.months[m.month - 1]?.actualYuan} /> },
          { key: 'milestones', title: t('columns.milestones'), render: (_, m) => <MilestoneTags month={m} /> },
          {
            key: 'colour',
            title: t('columns.colour'),
            align: 'center',
            render: (_, m) => {
              const colour = record?.months[m.month - 1]?.colour ?? null;
              return <ColourTag colour={colour}>{colour ? t(`record.short.${colour}`) : '—'}</ColourTag>;
            },
          },
        ]}
      />
      {canEdit && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'flex-end', marginTop: 12 }}>
          <Button onClick={() => setValues(toValues(plan, 'curveYuan'))} disabled={write.isPending} data-testid="plan-from-curve">
            {t('fromCurve')}
          </Button>
          {dirty && (
            <Button onClick={() => setValues(original)} disabled={write.isPending}>
              {t('undo')}
            </Button>
          )}
          {plan.source === 'plan' && (
            <Popconfirm title={t('resetConfirm')} onConfirm={reset} okButtonProps={{ 'data-testid': 'plan-reset-ok' }}>
              <Button danger disabled={write.isPending} data-testid="plan-reset">
                {t('reset')}
              </Button>
            </Popconfirm>
          )}
          <Button type="primary" onClick={save} loading={write.isPending} disabled={(!dirty && plan.source === 'plan') || check.messages.length > 0} data-testid="plan-save">
            {t('save')}
          </Button>
        </div>
      )}
    </>
  );
}
