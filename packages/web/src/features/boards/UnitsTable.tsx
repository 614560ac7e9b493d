/** The board by unit (县市区, 园区, 指挥部): rank, figures, grade counts, 流动红旗 and warning. */
import { FlagFilled, WarningFilled } from '@ant-design/icons';
import { GRADES } from '@pacer/domain';
import { Alert, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { GRADE_COLOURS, GapPoints, gradeLabel, Percent, wanToYuanNumber } from '../../shared/figures.tsx';
import { Money } from '../../shared/Money.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { useUnitBoard } from './hooks.ts';
import { UNIT_GROUPS, type UnitGroup, type UnitRow } from './types.ts';

export function UnitsTable({ boardId, groupBy, onGroupBy }: { boardId: string; groupBy: UnitGroup; onGroupBy: (g: UnitGroup) => void }) {
  const { t } = useTranslation('boards');
  const { locale } = useLocale();
  const narrow = useIsNarrow();
  const units = useUnitBoard(boardId, groupBy);
  return (
    <div data-testid="units-table">
      <Segmented<UnitGroup>
        value={groupBy}
        onChange={onGroupBy}
        options={UNIT_GROUPS.map((g) => ({ value: g, label: t(`units.${g}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="units-group"
      />
      {units.isError && <Alert type="error" showIcon title={errorMessage(units.error)} />}
      <Table<UnitRow>
        rowKey="group"
        size={narrow ? 'small' : 'middle'}
        loading={units.isFetching}
        dataSource={units.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'unit-row' }) as object}
        columns={[
          { key: 'rank', title: t('columns.rank'), dataIndex: 'rank', width: 60, align: 'center' },
          {
            key: 'group',
            title: t('units.group'),
            dataIndex: 'group',
            render: (g: string, r) => (
              <Space size={4}>
                <span>{g}</span>
                {r.redFlag && (
                  <Tooltip title={t('units.redFlag')}>
                    <Tag color="red" icon={<FlagFilled />} data-testid="red-flag">
                      {t('units.redFlag')}
                    </Tag>
                  </Tooltip>
                )}
                {r.warning && (
                  <Tag color="orange" icon={<WarningFilled />} data-testid="unit-warning">
                    {t('units.warning')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { key: 'projects', title: t('units.projects'), dataIndex: 'projects', align: 'right', width: 70 },
          { key: 'plan', title: t('columns.plan'), dataIndex: 'planWan', align: 'right', render: (v: number) => <Money yuan={wanToYuanNumber(v)} /> },
          { key: 'ytd', title: t('columns.ytd'), dataIndex: 'ytdWan', align: 'right', render: (v: number) => <Money yuan={wanToYuanNumber(v)} /> },
          { key: 'completion', title: t('columns.completion'), dataIndex: 'completionRate', align: 'right', render: (v: number | null) => <Percent value={v} /> },
          { key: 'gap', title: t('columns.gap'), dataIndex: 'gapPoints', align: 'right', render: (v: number | null) => <GapPoints value={v} /> },
          {
            key: 'distribution',
            title: t('distribution'),
            render: (_, r) => (
              <Space size={2} wrap={false}>
                {GRADES.map((g) => (
                  <Tooltip key={g} title={gradeLabel(g, locale)}>
                    <Tag color={GRADE_COLOURS[g]} style={{ marginInlineEnd: 0, minWidth: 28, textAlign: 'center' }}>
                      {r.distribution[g]}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
