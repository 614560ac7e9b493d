/**
 * 问题办理情况: solved, assigned, on-time rate and average days to close, in total and by type,
 * lead department, region or HQ — the same figures the bulletin prints (GET /api/problems/stats).
 * Self-contained so the problems page and the dashboard can both show it.
 */
import { Alert, Button, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { percentText } from '../../shared/figures.tsx';
import { useProblemStats } from './hooks.ts';
import { FIGURE_GROUPS, type FigureGroup, type ProblemFigures as Figures } from './types.ts';

const KPI_COL = { xs: 12, sm: 8, lg: 6, xl: 3 } as const;
const GROUP_LABEL = { type: 'byType', department: 'byDepartment', region: 'byRegion', hq: 'byHq' } as const;

interface Props {
  /** Raised from this date (default: 1 January of `to`'s year). */
  from?: string;
  /** Raised up to this date (default: today). */
  to?: string;
  /** Whether the breakdown table starts open. */
  breakdown?: boolean;
}

export function ProblemFigures({ from, to, breakdown = false }: Props) {
  const { t } = useTranslation('problems');
  const { locale } = useLocale();
  const [groupBy, setGroupBy] = useState<FigureGroup>('type');
  const [open, setOpen] = useState(breakdown);
  const stats = useProblemStats(groupBy, from, to);
  const d = stats.data;
  const days = (v: number | null) => (v === null ? '—' : v.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

  const kpis: { key: Exclude<keyof Figures, 'open'>; value: string | number; suffix?: string }[] = d
    ? [
        { key: 'raised', value: d.total.raised, suffix: t('figures.unit') },
        { key: 'solvedOnSpot', value: d.total.solvedOnSpot, suffix: t('figures.unit') },
        { key: 'assigned', value: d.total.assigned, suffix: t('figures.unit') },
        { key: 'closed', value: d.total.closed, suffix: t('figures.unit') },
        { key: 'overdue', value: d.total.overdue, suffix: t('figures.unit') },
        { key: 'onTimeRate', value: percentText(d.total.onTimeRate, locale) },
        { key: 'avgDaysToClose', value: days(d.total.avgDaysToClose), suffix: d.total.avgDaysToClose === null ? undefined : t('figures.days') },
      ]
    : [];

  const columns: ColumnsType<Figures & { group: string }> = [
    { key: 'group', title: t(`figures.${GROUP_LABEL[groupBy]}`), dataIndex: 'group', fixed: 'left' },
    ...(['raised', 'solvedOnSpot', 'assigned', 'closed', 'overdue'] as const).map((k) => ({ key: k, title: t(`figures.${k}`), dataIndex: k, align: 'right' as const })),
    { key: 'onTimeRate', title: t('figures.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => percentText(v, locale) },
    { key: 'avgDaysToClose', title: t('figures.avgDaysToClose'), dataIndex: 'avgDaysToClose', align: 'right', render: (v: number | null) => days(v) },
  ];

  return (
    <Card
      size="small"
      title={t('figures.title')}
      extra={d && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('figures.period', { from: d.from, to: d.to })}</Typography.Text>}
      style={{ marginBottom: 12 }}
      data-testid="problem-figures"
    >
      {stats.isError && <Alert type="error" showIcon title={errorMessage(stats.error)} />}
      <Row gutter={[12, 12]}>
        {kpis.map((k) => (
          <Col key={k.key} {...KPI_COL}>
            <Statistic title={t(`figures.${k.key}`)} value={k.value} suffix={k.suffix || undefined} data-testid={`figure-${k.key}`} />
          </Col>
        ))}
      </Row>
      {d && (
        <div style={{ marginTop: 8 }}>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(!open)} data-testid="figures-breakdown">
            {open ? t('figures.hideTable') : t('figures.showTable')}
          </Button>
          {open && (
            <>
              <Segmented<FigureGroup>
                size="small"
                value={groupBy}
                onChange={setGroupBy}
                options={FIGURE_GROUPS.map((g) => ({ value: g, label: t(`figures.${GROUP_LABEL[g]}`) }))}
                style={{ margin: '8px 0', maxWidth: '100%', overflowX: 'auto' }}
              />
              <Table rowKey="group" size="small" columns={columns} dataSource={d.rows} loading={stats.isFetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="figures-table" />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
