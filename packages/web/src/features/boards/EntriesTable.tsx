/** A published board's projects: rank, movement, figures and the grade given (public and office alike). */
import { PROJECT_CATEGORIES } from '@pacer/domain';
import { Input, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ColourDot, GapPoints, GradeTag, Movement, Percent } from '../../shared/figures.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import type { BoardEntry } from './types.ts';

export function EntriesTable({ entries }: { entries: readonly BoardEntry[] }) {
  const { t } = useTranslation('boards');
  const { locale } = useLocale();
  const narrow = useIsNarrow();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = needle ? entries.filter((e) => `${e.projectName} ${e.regionName}`.toLowerCase().includes(needle)) : entries;
  const sorted = [...shown].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <div data-testid="entries-table">
      <Input.Search allowClear placeholder={t('public.search')} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 280, marginBottom: 12 }} data-testid="entries-search" />
      <Table<BoardEntry>
        rowKey="projectId"
        size={narrow ? 'small' : 'middle'}
        dataSource={sorted}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, simple: narrow }}
        onRow={() => ({ 'data-testid': 'entry-row' }) as object}
        columns={[
          { key: 'rank', title: t('columns.rank'), dataIndex: 'rank', width: 56, align: 'center', render: (v: number | null) => v ?? '—' },
          { key: 'movement', title: t('columns.movement'), dataIndex: 'movement', width: 64, render: (v: number | null) => <Movement value={v} /> },
          {
            key: 'name',
            title: t('columns.project'),
            dataIndex: 'projectName',
            render: (v: string, e) => (
              <span data-testid="entry-name">
                {v}
                {!narrow && <div className="pacer-muted" style={{ fontSize: 12 }}>{PROJECT_CATEGORIES.label(e.category, locale)}</div>}
              </span>
            ),
          },
          { key: 'region', title: t('columns.region'), dataIndex: 'regionName', width: 80 },
          { key: 'completion', title: t('columns.completion'), dataIndex: 'completionRate', align: 'right', width: 90, render: (v: number | null) => <Percent value={v} /> },
          { key: 'gap', title: t('columns.gap'), dataIndex: 'gapPoints', align: 'right', width: 80, render: (v: number | null) => <GapPoints value={v} /> },
          { key: 'colour', title: t('columns.colour'), dataIndex: 'colour', width: 56, align: 'center', render: (v: BoardEntry['colour']) => <ColourDot colour={v} /> },
          {
            key: 'grade',
            title: t('columns.grade'),
            dataIndex: 'grade',
            width: 80,
            render: (v: BoardEntry['grade'], e) => (
              <Tooltip title={e.gradeReason}>
                <span>
                  <GradeTag grade={v} testId="entry-grade" />
                </span>
              </Tooltip>
            ),
          },
        ]}
      />
    </div>
  );
}
