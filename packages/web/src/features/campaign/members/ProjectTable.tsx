/** A page of campaign projects with row selection kept across pages; phones scroll sideways. */
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES, type CampaignProjectDto, type CampaignProjectPage } from '@pacer/domain';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocale } from '../../../app/LocaleProvider.tsx';

export function ProjectTable({
  data,
  loading,
  page,
  pageSize,
  onPage,
  selected,
  onSelect,
  testId,
}: {
  data: CampaignProjectPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation('campaign');
  const { locale } = useLocale();
  return (
    <Table<CampaignProjectDto>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      locale={{ emptyText: t('members.empty') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]), preserveSelectedRowKeys: true }}
      onRow={() => ({ 'data-testid': `${testId}-row` }) as object}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t('members.total', { count }),
        onChange: onPage,
        size: 'small',
      }}
      columns={[
        { key: 'name', title: t('members.columns.name'), render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
        { key: 'region', title: t('members.columns.region'), render: (_, p) => (p.parkName ? `${p.regionName} · ${p.parkName}` : p.regionName) },
        { key: 'level', title: t('members.columns.level'), render: (_, p) => p.levels.map((l) => PROJECT_LEVELS.label(l, locale)).join('、') },
        { key: 'category', title: t('members.columns.category'), render: (_, p) => PROJECT_CATEGORIES.label(p.category, locale) },
        { key: 'status', title: t('members.columns.status'), render: (_, p) => PROJECT_STATUSES.label(p.status, locale) },
        {
          key: 'track',
          title: t('members.columns.track'),
          render: (_, p) => (p.track ? <Tag color="geekblue" data-testid="project-track">{COMPETITION_TRACKS.label(p.track, locale)}</Tag> : <Tag data-testid="project-track">{t('members.noTrack')}</Tag>),
        },
      ]}
    />
  );
}
