/** 项目库 (/projects): query form, toolbar and the server-filtered, sorted, paged table. */
import { PlusOutlined, ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '@pacer/domain';
import { Alert, App, Button, Segmented, Space, Switch, Table, Typography } from 'antd';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan, useUser } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { ColumnSettings, useVisibleColumns } from './ColumnSettings.tsx';
import { useProjectPage, useRestoreProject } from './hooks.ts';
import { apiParams, DEFAULT_ORDER, DEFAULT_SORT, filtersOf, PAGE_SIZES, readListState, toSearchParams, type ListState, type SortField } from './listQuery.ts';
import { projectColumns } from './projectColumns.tsx';
import { ProjectFilterForm } from './ProjectFilterForm.tsx';

export default function ProjectListPage() {
  const { t } = useTranslation(['projects', 'common']);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const user = useUser();
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readListState(searchParams), [searchParams]);
  const filters = useMemo(() => filtersOf(state), [state]);
  const params = useMemo(() => apiParams(state), [state]);
  const page = useProjectPage(params);
  const restore = useRestoreProject();
  const [visible, setVisible] = useVisibleColumns();

  const update = (patch: Partial<ListState>) => setSearchParams(toSearchParams({ ...state, ...patch }));
  const linkOf = (p: ProjectSummary) => (state.deleted ? `/projects/${p.id}?deleted=1` : `/projects/${p.id}`);
  const year = state.year ?? new Date().getFullYear();

  const columns = projectColumns({ visible, state, t, locale, narrow, linkOf });
  if (state.deleted) {
    columns.push(
      { key: 'deletedAt', title: t('list.deletedAt'), dataIndex: 'deletedAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
      {
        key: 'actions',
        title: t('list.actions'),
        width: 90,
        fixed: narrow ? undefined : 'right',
        render: (_, p) => (
          <Button
            size="small"
            icon={<UndoOutlined />}
            loading={restore.isPending && restore.variables === p.id}
            data-testid="restore-project"
            onClick={(e) => {
              e.stopPropagation();
              restore.mutate(p.id, {
                onSuccess: () => void message.success(t('list.restored', { name: p.name })),
                onError: (error) => void message.error(errorMessage(error)),
              });
            }}
          >
            {t('list.restore')}
          </Button>
        ),
      },
    );
  }

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<ProjectSummary> | SorterResult<ProjectSummary>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order ? (s.columnKey as SortField) : DEFAULT_SORT;
    const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : DEFAULT_ORDER;
    const sortChanged = sort !== state.sort || order !== state.order;
    const pageSize = pagination.pageSize ?? state.pageSize;
    // A new order or page size starts again from the first page.
    update({ sort, order, pageSize, page: sortChanged || pageSize !== state.pageSize ? 1 : (pagination.current ?? 1) });
  };

  return (
    <div data-testid="project-list-page">
      <ProjectFilterForm value={filters} onSearch={(f) => update({ ...f, page: 1 })} />
      <div style={{ background: 'var(--ant-color-bg-container, #fff)', padding: narrow ? 8 : 16, borderRadius: 8 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }}>
            {state.deleted ? t('list.viewDeleted') : t('list.title')}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }} data-testid="project-total">
              {page.data ? t('list.total', { total: page.data.total }) : null}
            </Typography.Text>
          </Typography.Title>
          <Space wrap>
            {user.role === 'leader' && (
              <Space size={4}>
                <Switch size="small" checked={state.mine} onChange={(mine) => update({ mine, page: 1 })} id="mine-only" data-testid="mine-only" />
                <label htmlFor="mine-only">{t('list.mineOnly')}</label>
              </Space>
            )}
            {can('projects:delete') && (
              <Segmented
                size="small"
                value={state.deleted ? 'deleted' : 'active'}
                onChange={(v) => update({ deleted: v === 'deleted', page: 1 })}
                options={[
                  { value: 'active', label: t('list.viewActive') },
                  { value: 'deleted', label: t('list.viewDeleted') },
                ]}
                data-testid="deleted-view"
              />
            )}
            <Button icon={<ReloadOutlined />} aria-label={t('common:actions.refresh')} onClick={() => void page.refetch()} />
            <ColumnSettings visible={visible} onChange={setVisible} year={year} />
            {/* The whole filtered list, not the page: same filters, order, columns and unit as on screen. */}
            <ExportButton path="/api/exports/projects.xlsx" params={{ ...params, page: undefined, pageSize: undefined, columns: visible, unit: 'wan' }} fileName="projects.xlsx" testId="export-projects" />
            {can('projects:create') && !state.deleted && (
              <Link to="/projects/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-project">
                  {t('list.create')}
                </Button>
              </Link>
            )}
          </Space>
        </div>
        {page.isError && <Alert type="error" showIcon title={errorMessage(page.error)} style={{ marginBottom: 12 }} />}
        <Table<ProjectSummary>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          className="pacer-clickable-rows"
          data-testid="project-table"
          columns={columns}
          dataSource={page.data?.items ?? []}
          loading={page.isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName={(p) => (p.isMine ? 'pacer-row-mine' : '')}
          onRow={(p) => ({ onClick: () => void navigate(linkOf(p)) })}
          onChange={onTableChange}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: page.data?.total ?? 0,
            showSizeChanger: !narrow,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: narrow ? undefined : (total) => t('list.total', { total }),
            simple: narrow,
          }}
        />
      </div>
    </div>
  );
}
