/**
 * This week's board as it would be published: computed live, with the suggested grade and
 * the grade given (after any adjustment). The office adjusts or undoes per project.
 */
import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { PROJECT_CATEGORIES } from '@pacer/domain';
import { App, Button, Input, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ColourDot, GapPoints, GradeTag, Movement, Percent } from '../../shared/figures.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { AdjustDialog } from './AdjustDialog.tsx';
import { useAdjustGrade } from './hooks.ts';
import type { DraftLine } from './types.ts';

export function DraftTable({ week, lines, loading }: { week: string; lines: readonly DraftLine[]; loading: boolean }) {
  const { t } = useTranslation(['boards', 'common']);
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const narrow = useIsNarrow();
  const undo = useAdjustGrade(week);
  const [editing, setEditing] = useState<DraftLine | null>(null);
  const [q, setQ] = useState('');
  const [onlyAdjusted, setOnlyAdjusted] = useState(false);
  const needle = q.trim().toLowerCase();
  const shown = lines
    .filter((l) => (!onlyAdjusted || l.adjusted) && (!needle || `${l.item.name} ${l.item.regionName}`.toLowerCase().includes(needle)))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

  const confirmUndo = (l: DraftLine) =>
    modal.confirm({
      title: t('undo'),
      content: t('undoConfirm', { name: l.item.name }),
      okText: t('undo'),
      cancelText: t('common:actions.cancel'),
      onOk: () =>
        undo.mutateAsync({ projectId: l.item.projectId, grade: null, reason: '' }).then(
          () => void message.success(t('undone')),
          (error: unknown) => void message.error(errorMessage(error)),
        ),
    });

  const columns: ColumnsType<DraftLine> = [
    { key: 'rank', title: t('columns.rank'), dataIndex: 'rank', width: 56, align: 'center', fixed: narrow ? undefined : 'left', render: (v: number | null) => v ?? '—' },
    { key: 'movement', title: t('columns.movement'), dataIndex: 'movement', width: 64, render: (v: number | null) => <Movement value={v} /> },
    {
      key: 'name',
      title: t('columns.project'),
      render: (_, l) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/projects/${l.item.projectId}`} data-testid="draft-name">
            {l.item.name}
          </Link>
          <div className="pacer-muted" style={{ fontSize: 12 }}>
            {PROJECT_CATEGORIES.label(l.item.category, locale)} · {t('columns.peerRank')} {l.peerRank ?? '—'}
          </div>
        </div>
      ),
    },
    { key: 'region', title: t('columns.region'), render: (_, l) => l.item.regionName, width: 80 },
    { key: 'completion', title: t('columns.completion'), dataIndex: 'completionRate', align: 'right', width: 90, render: (v: number | null) => <Percent value={v} /> },
    { key: 'gap', title: t('columns.gap'), dataIndex: 'gapPoints', align: 'right', width: 80, render: (v: number | null) => <GapPoints value={v} /> },
    { key: 'colour', title: t('columns.colour'), width: 56, align: 'center', render: (_, l) => <ColourDot colour={l.item.colour} /> },
    {
      key: 'suggested',
      title: t('columns.suggested'),
      width: 150,
      render: (_, l) => (
        <Space size={4} wrap>
          <Tooltip title={l.suggestedReason}>
            <span>
              <GradeTag grade={l.suggestedGrade} />
            </span>
          </Tooltip>
          {l.item.reportMissing && <Tag>{t('missing')}</Tag>}
          {l.item.maxOverdueDays > 0 && <Tag color="orange">{t('overdueDays', { days: l.item.maxOverdueDays })}</Tag>}
        </Space>
      ),
    },
    {
      key: 'grade',
      title: t('columns.grade'),
      width: 130,
      render: (_, l) => (
        <Tooltip title={l.gradeReason}>
          <Space size={4}>
            <GradeTag grade={l.grade} testId="draft-grade" />
            {l.adjusted && (
              <Tag color="purple" data-testid="draft-adjusted">
                {t('adjusted')}
              </Tag>
            )}
          </Space>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 150,
      fixed: narrow ? undefined : 'right',
      render: (_, l) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(l)} data-testid="adjust-grade">
            {t('adjust')}
          </Button>
          {l.adjusted && (
            <Button size="small" icon={<UndoOutlined />} onClick={() => confirmUndo(l)} data-testid="undo-grade" aria-label={t('undo')}>
              {narrow ? null : t('undo')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="draft-table">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('keyword')} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} data-testid="draft-search" />
        <Space size={4}>
          <Switch size="small" checked={onlyAdjusted} onChange={setOnlyAdjusted} id="only-adjusted" />
          <label htmlFor="only-adjusted">{t('onlyAdjusted')}</label>
        </Space>
      </Space>
      <Table<DraftLine>
        rowKey={(l) => l.item.projectId}
        size={narrow ? 'small' : 'middle'}
        columns={columns}
        dataSource={shown}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, simple: narrow }}
        onRow={() => ({ 'data-testid': 'draft-row' }) as object}
      />
      {editing && <AdjustDialog week={week} line={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
