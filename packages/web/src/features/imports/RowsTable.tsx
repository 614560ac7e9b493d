/** 逐行结果: what each data row does (create, update with its changes, unchanged, skip), paged by the server. */
import { Alert, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { useImportRows } from './hooks.ts';
import type { ImportCounts, ImportRow, RowAction } from './types.ts';

const ACTION_COLOURS: Record<RowAction, string> = { create: 'green', update: 'blue', unchanged: 'default', skip: 'error' };
const ACTIONS: RowAction[] = ['create', 'update', 'unchanged', 'skip'];
const COUNT_OF: Record<RowAction, keyof ImportCounts> = { create: 'created', update: 'updated', unchanged: 'unchanged', skip: 'skipped' };

export function RowsTable({ jobId, counts }: { jobId: string; counts: ImportCounts }) {
  const { t } = useTranslation('imports');
  const narrow = useIsNarrow();
  const [action, setAction] = useState<RowAction | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const rows = useImportRows(jobId, action === 'all' ? undefined : action, paging.page, paging.pageSize);

  const columns: ColumnsType<ImportRow> = [
    { key: 'where', title: `${t('problems.sheet')} / ${t('problems.row')}`, width: 130, render: (_, r) => `${r.sheet} / ${r.row}` },
    { key: 'action', title: t('rows.action'), width: 72, render: (_, r) => <Tag color={ACTION_COLOURS[r.action]}>{t(`rows.actions.${r.action}`)}</Tag> },
    {
      key: 'project',
      title: t('rows.project'),
      render: (_, r) => (
        <span style={{ display: 'inline-block', minWidth: 160 }}>
          {r.projectId ? <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link> : r.projectName}
          {r.newOwner && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('rows.newOwner', { name: r.newOwner })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'changes',
      title: t('rows.changes'),
      render: (_, r) =>
        r.changes.length ? (
          <div style={{ minWidth: 200, fontSize: 12 }}>
            {r.changes.map((c) => (
              <div key={c.field}>
                {c.field}：{c.before || '—'} → {c.after || '—'}
              </div>
            ))}
          </div>
        ) : null,
    },
    { key: 'report', title: t('rows.report'), width: 72, render: (_, r) => (r.reportAction ? <Tag>{t(`rows.reportActions.${r.reportAction}`)}</Tag> : null) },
  ];

  return (
    <div data-testid="rows">
      <Segmented
        size="small"
        value={action}
        onChange={(v) => {
          setAction(v as RowAction | 'all');
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'all', label: `${t('rows.all')} ${counts.rows}` }, ...ACTIONS.map((a) => ({ value: a, label: `${t(`rows.actions.${a}`)} ${counts[COUNT_OF[a]]}` }))]}
        style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="rows-action"
      />
      {rows.isError && <Alert type="error" showIcon title={errorMessage(rows.error)} style={{ marginBottom: 8 }} />}
      <Table<ImportRow>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: !narrow,
          simple: narrow,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        data-testid="rows-table"
      />
    </div>
  );
}
