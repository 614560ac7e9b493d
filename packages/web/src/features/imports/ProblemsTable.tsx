/** 问题清单: every problem of the dry run with sheet, row, column, cell and reason, paged by the server. */
import { Alert, Flex, Segmented, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { useImportProblems } from './hooks.ts';
import type { ImportCounts, ImportProblem, ProblemLevel } from './types.ts';

export function ProblemsTable({ jobId, counts }: { jobId: string; counts: ImportCounts }) {
  const { t } = useTranslation('imports');
  const narrow = useIsNarrow();
  const [level, setLevel] = useState<ProblemLevel | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const problems = useImportProblems(jobId, level === 'all' ? undefined : level, paging.page, paging.pageSize);

  const columns: ColumnsType<ImportProblem> = [
    { key: 'level', title: t('problems.level'), width: 64, render: (_, p) => <Tag color={p.level === 'error' ? 'error' : 'warning'}>{t(`problems.${p.level}`)}</Tag> },
    { key: 'sheet', title: t('problems.sheet'), dataIndex: 'sheet', width: 120, render: (v: string | null) => v ?? '—' },
    { key: 'row', title: t('problems.row'), dataIndex: 'row', width: 56, render: (v: number | null) => v ?? '—' },
    {
      key: 'column',
      title: t('problems.column'),
      width: 64,
      render: (_, p) => (p.column ? <Tooltip title={p.header}>{p.column}</Tooltip> : '—'),
    },
    { key: 'value', title: t('problems.value'), dataIndex: 'value', width: 140, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '' },
    { key: 'reason', title: t('problems.reason'), dataIndex: 'reason', render: (v: string) => <span style={{ display: 'inline-block', minWidth: narrow ? 200 : 280 }}>{v}</span> },
  ];

  return (
    <div data-testid="problems">
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={level}
          onChange={(v) => {
            setLevel(v as ProblemLevel | 'all');
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: `${t('problems.all')} ${counts.errors + counts.warnings}` },
            { value: 'error', label: `${t('problems.error')} ${counts.errors}` },
            { value: 'warning', label: `${t('problems.warning')} ${counts.warnings}` },
          ]}
          data-testid="problems-level"
        />
        {counts.errors + counts.warnings > 0 && <ExportButton path={`/api/imports/${jobId}/problems.xlsx`} fileName="问题清单.xlsx" testId="problems-download" size="small" />}
      </Flex>
      {problems.isError && <Alert type="error" showIcon title={errorMessage(problems.error)} style={{ marginBottom: 8 }} />}
      <Table<ImportProblem>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={problems.data?.items ?? []}
        loading={problems.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('problems.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: problems.data?.total ?? 0,
          showSizeChanger: !narrow,
          simple: narrow,
          showTotal: narrow ? undefined : (total) => t('problems.total', { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        data-testid="problems-table"
      />
    </div>
  );
}
