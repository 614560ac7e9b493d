/** 导入记录: who imported which file when, what it wrote, its status; open it, or roll it back. */
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { useImportHistory, useRollbackImport } from './hooks.ts';
import { StatusTag } from './StatusTag.tsx';
import type { ImportRecord } from './types.ts';

export function HistoryCard({ currentId, onOpen }: { currentId: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const history = useImportHistory(paging.page, paging.pageSize);
  const rollback = useRollbackImport();

  const columns: ColumnsType<ImportRecord> = [
    { key: 'when', title: t('history.when'), width: 140, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'file', title: t('history.file'), render: (_, r) => <span style={{ display: 'inline-block', minWidth: 160, wordBreak: 'break-all' }}>{r.fileName}</span> },
    { key: 'who', title: t('history.who'), dataIndex: 'createdByName', width: 120 },
    { key: 'status', title: t('history.status'), width: 110, render: (_, r) => <StatusTag status={r.status} /> },
    {
      key: 'counts',
      title: t('history.counts'),
      width: 130,
      render: (_, r) => (['previewed', 'committing', 'committed', 'rolling_back', 'rolled_back'].includes(r.status) ? `${r.counts.created} / ${r.counts.updated} / ${r.counts.reportsCreated + r.counts.reportsUpdated}` : '—'),
    },
    {
      key: 'actions',
      title: t('history.actions'),
      width: 150,
      fixed: narrow ? undefined : 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" disabled={r.status === 'discarded'} onClick={() => onOpen(r.id)} data-testid="history-open">
            {t('history.open')}
          </Button>
          {r.status === 'committed' && (
            <Popconfirm
              title={t('history.rollbackTitle')}
              description={<div style={{ maxWidth: 320 }}>{t('history.rollbackBody')}</div>}
              onConfirm={() =>
                rollback.mutate(r.id, {
                  onSuccess: () => {
                    void message.info(t('history.rollbackStarted'));
                    onOpen(r.id);
                  },
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            >
              <Button size="small" danger icon={<RollbackOutlined />} loading={rollback.isPending && rollback.variables === r.id} data-testid="history-rollback">
                {t('history.rollback')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('history.title')} data-testid="import-history">
      {history.isError && <Alert type="error" showIcon title={errorMessage(history.error)} style={{ marginBottom: 8 }} />}
      <Table<ImportRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history.data?.items ?? []}
        loading={history.isFetching && !history.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('history.empty') }}
        rowClassName={(r) => (r.id === currentId ? 'ant-table-row-selected' : '')}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: history.data?.total ?? 0,
          simple: narrow,
          showSizeChanger: false,
          onChange: (page) => setPaging((p) => ({ ...p, page })),
        }}
        data-testid="history-table"
      />
    </Card>
  );
}
