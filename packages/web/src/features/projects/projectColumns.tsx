/** Columns of the project list; which are shown is the user's choice (see ColumnSettings). */
import type { ProjectSummary } from '@pacer/domain';
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain/vocabulary';
import { Space, Tag } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Locale } from '@pacer/domain';
import { Money } from '../../shared/Money.tsx';
import type { ListState, SortField } from './listQuery.ts';

export const COLUMN_KEYS = [
  'code',
  'name',
  'levels',
  'category',
  'status',
  'track',
  'region',
  'owner',
  'leader',
  'hq',
  'totalInvestmentYuan',
  'annualPlanYuan',
  'plannedStart',
  'plannedFinish',
  'updatedAt',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The name identifies the row; it cannot be hidden. */
export const FIXED_COLUMNS: readonly ColumnKey[] = ['name'];
export const DEFAULT_COLUMNS: readonly ColumnKey[] = COLUMN_KEYS.filter((k) => !['code', 'track', 'hq', 'updatedAt'].includes(k));

const SORTABLE: ReadonlySet<string> = new Set<SortField>(['name', 'totalInvestmentYuan', 'annualPlanYuan', 'plannedStart', 'plannedFinish', 'updatedAt']);

type Column = ColumnType<ProjectSummary> & { key: ColumnKey };

export function columnTitle(key: ColumnKey, t: TFunction<'projects'>, year: number): string {
  switch (key) {
    case 'totalInvestmentYuan':
      return t('list.money', { label: t('fields.totalInvestment') });
    case 'annualPlanYuan':
      return t('list.annualPlanOfYear', { year });
    case 'region':
      return t('fields.regionOrPark');
    case 'owner':
    case 'leader':
    case 'hq':
    case 'code':
    case 'name':
    case 'category':
    case 'status':
    case 'track':
    case 'levels':
    case 'plannedStart':
    case 'plannedFinish':
    case 'updatedAt':
      return t(`fields.${key}`);
  }
}

export function projectColumns(opts: {
  visible: readonly ColumnKey[];
  state: ListState;
  t: TFunction<'projects'>;
  locale: Locale;
  narrow: boolean;
  linkOf: (p: ProjectSummary) => string;
}): ColumnsType<ProjectSummary> {
  const { t, locale, state, narrow } = opts;
  const year = state.year ?? new Date().getFullYear();
  const money = { align: 'right' as const, width: 150 };
  const all: Column[] = [
    { key: 'code', dataIndex: 'code', width: 220, render: (v: string | null) => v ?? '—' },
    {
      key: 'name',
      dataIndex: 'name',
      // Pinned on wide screens; on a phone a pinned column would leave no room to scroll.
      fixed: narrow ? undefined : 'left',
      width: narrow ? 180 : 260,
      render: (name: string, p) => (
        <Space size={4} wrap>
          <Link to={opts.linkOf(p)} onClick={(e) => e.stopPropagation()} data-testid="project-name">
            {name}
          </Link>
          {p.isMine && <Tag color="gold">{t('list.mine')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'levels',
      dataIndex: 'levels',
      width: 220,
      render: (levels: ProjectSummary['levels']) => (
        <Space size={[0, 4]} wrap>
          {levels.map((l) => (
            <Tag key={l}>{PROJECT_LEVELS.label(l, locale)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'category', dataIndex: 'category', width: 150, render: (v: string) => PROJECT_CATEGORIES.label(v, locale) },
    { key: 'status', dataIndex: 'status', width: 90, render: (v: string) => PROJECT_STATUSES.label(v, locale) },
    { key: 'track', dataIndex: 'track', width: 90, render: (v: string | null) => (v ? COMPETITION_TRACKS.label(v, locale) : '—') },
    {
      key: 'region',
      width: 160,
      render: (_, p) => (p.parkName ? `${p.regionName} · ${p.parkName}` : p.regionName),
    },
    { key: 'owner', width: 220, render: (_, p) => p.owner?.name ?? '—' },
    { key: 'leader', width: 100, render: (_, p) => p.leader?.name ?? '—' },
    { key: 'hq', width: 220, render: (_, p) => p.hq?.name ?? '—' },
    { key: 'totalInvestmentYuan', dataIndex: 'totalInvestmentYuan', ...money, render: (v: number) => <Money yuan={v} /> },
    { key: 'annualPlanYuan', dataIndex: 'annualPlanYuan', ...money, width: 170, render: (v: number | null) => <Money yuan={v} /> },
    { key: 'plannedStart', dataIndex: 'plannedStart', width: 120, render: (v: string | null) => v ?? '—' },
    { key: 'plannedFinish', dataIndex: 'plannedFinish', width: 120, render: (v: string | null) => v ?? '—' },
    { key: 'updatedAt', dataIndex: 'updatedAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  return all
    .filter((c) => opts.visible.includes(c.key) || FIXED_COLUMNS.includes(c.key))
    .map((c) => ({
      ...c,
      title: columnTitle(c.key, t, year),
      ...(SORTABLE.has(c.key)
        ? {
            sorter: true,
            sortOrder: state.sort === c.key ? (state.order === 'asc' ? 'ascend' : 'descend') : null,
            // The default order is newest first, so the first click on 更新时间 should flip it.
            sortDirections: c.key === 'updatedAt' ? (['descend', 'ascend'] as const) : (['ascend', 'descend'] as const),
          }
        : {}),
    }));
}
