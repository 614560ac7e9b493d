/** 迟报漏报: per owner or region, how many reports were due, came in, came late or are missing. */
import type { PeriodKind } from '@pacer/domain';
import { Alert, Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Percent } from '../../shared/figures.tsx';
import { useCompliance } from './hooks.ts';
import type { ComplianceRow } from './types.ts';

export function ComplianceTable({ kind, date, groupBy, onGroupBy }: { kind: PeriodKind; date: string; groupBy: 'owner' | 'region'; onGroupBy: (g: 'owner' | 'region') => void }) {
  const { t } = useTranslation('reports');
  const rows = useCompliance(kind, date, groupBy);
  const num = (v: number, danger = false) => <span className={danger && v > 0 ? 'pacer-behind' : undefined}>{v}</span>;
  return (
    <div data-testid="compliance">
      <Segmented<'owner' | 'region'>
        value={groupBy}
        onChange={onGroupBy}
        options={[
          { value: 'owner', label: t('compliance.byOwner') },
          { value: 'region', label: t('compliance.byRegion') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="compliance-group"
      />
      {rows.isError && <Alert type="error" showIcon title={errorMessage(rows.error)} style={{ marginBottom: 12 }} />}
      <Table<ComplianceRow>
        rowKey="group"
        size="middle"
        loading={rows.isFetching}
        dataSource={rows.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'group', title: t('compliance.group'), dataIndex: 'group' },
          { key: 'expected', title: t('compliance.expected'), dataIndex: 'expected', align: 'right', width: 70 },
          { key: 'submitted', title: t('compliance.submitted'), dataIndex: 'submitted', align: 'right', width: 70 },
          { key: 'late', title: t('compliance.late'), dataIndex: 'late', align: 'right', width: 70, render: (v: number) => num(v, true) },
          { key: 'missing', title: t('compliance.missing'), dataIndex: 'missing', align: 'right', width: 70, render: (v: number) => num(v, true) },
          {
            key: 'rate',
            title: t('compliance.rate'),
            align: 'right',
            width: 90,
            render: (_, r) => <Percent value={r.expected ? Math.round((r.submitted / r.expected) * 10_000) / 100 : null} />,
          },
        ]}
      />
    </div>
  );
}
