/** 周晒榜 (/boards?week=): this week's draft with adjustments and publishing, the board by unit, and all published boards. */
import { SendOutlined } from '@ant-design/icons';
import { periodOf } from '@pacer/domain';
import { Alert, Button, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { percentText } from '../../shared/figures.tsx';
import { isIsoDate, periodText, todayInBeijing } from '../../shared/periods.ts';
import { PeriodPicker } from '../../shared/PeriodPicker.tsx';
import { DraftTable } from './DraftTable.tsx';
import { useDraftBoard, usePublishedBoards } from './hooks.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { PublishedList } from './PublishedList.tsx';
import { UNIT_GROUPS, type UnitGroup } from './types.ts';
import { UnitsTable } from './UnitsTable.tsx';

const TABS = ['draft', 'units', 'published'] as const;
type Tab = (typeof TABS)[number];

export default function BoardsPage() {
  const { t } = useTranslation(['boards', 'common']);
  const { locale } = useLocale();
  const today = todayInBeijing();
  const [sp, setSp] = useSearchParams();
  const weekParam = sp.get('week');
  const week = periodOf('week', isIsoDate(weekParam) ? weekParam : today).start;
  const tab: Tab = TABS.find((x) => x === sp.get('tab')) ?? 'draft';
  const groupBy: UnitGroup = UNIT_GROUPS.find((g) => g === sp.get('groupBy')) ?? 'region';
  const update = (patch: { week?: string; tab?: Tab; groupBy?: UnitGroup }) => {
    const next = { week, tab, groupBy, ...patch };
    const out = new URLSearchParams();
    if (next.week !== periodOf('week', today).start) out.set('week', next.week);
    if (next.tab !== 'draft') out.set('tab', next.tab);
    if (next.groupBy !== 'region') out.set('groupBy', next.groupBy);
    setSp(out);
  };
  const draft = useDraftBoard(week);
  const published = usePublishedBoards();
  const [publishing, setPublishing] = useState(false);
  const d = draft.data;
  const latest = (published.data ?? []).filter((b) => b.weekStart === week).sort((a, b) => b.version - a.version)[0];
  const weekText = periodText('week', week, locale);

  return (
    <div data-testid="boards-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <PeriodPicker kind="week" date={week} onChange={(p) => update({ week: periodOf('week', p.date).start })} testId="week-picker" />
          <Space wrap size={4} style={{ flex: '1 1 auto' }}>
            {d && <Tag color="geekblue">{t('timeProgress', { value: percentText(d.timeProgress, locale) })}</Tag>}
            {d && (d.publishedVersion ? <Tag color="green" data-testid="published-version">{t('publishedVersion', { version: d.publishedVersion })}</Tag> : <Tag data-testid="published-version">{t('notPublished')}</Tag>)}
          </Space>
          {/* Only a published board is exported: the spreadsheet is what was announced, by project and by unit. */}
          <ExportButton path={`/api/exports/boards/${latest?.id ?? ''}`} fileName="board.xlsx" disabled={!latest} hint="needsPublished" testId="export-board" />
          <Button type="primary" icon={<SendOutlined />} disabled={!d} onClick={() => setPublishing(true)} data-testid="publish-board">
            {d?.publishedVersion ? t('publishCorrection') : t('publish')}
          </Button>
        </div>
      </Card>
      {draft.isError && <Alert type="error" showIcon title={errorMessage(draft.error)} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k as Tab })}
          items={[
            { key: 'draft', label: t('tabs.draft'), children: d && <DraftTable week={week} lines={d.lines} loading={draft.isFetching} /> },
            {
              key: 'units',
              label: t('tabs.units'),
              children: latest ? <UnitsTable boardId={latest.id} groupBy={groupBy} onGroupBy={(g) => update({ groupBy: g })} /> : <Empty description={t('units.needsPublished')} />,
            },
            { key: 'published', label: t('tabs.published'), children: <PublishedList onOpenWeek={(w) => update({ week: w, tab: 'draft' })} /> },
          ]}
        />
      </Card>
      {publishing && d && <PublishDialog week={week} weekText={weekText} publishedVersion={d.publishedVersion} onClose={() => setPublishing(false)} />}
    </div>
  );
}
