/**
 * The picker of library projects not yet in the campaign: filter, select and add, or add every
 * project matching the filters; optionally give the added projects a track at the same time.
 */
import { App, Button, Drawer, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useIsNarrow } from '../../../shared/useMediaQuery.ts';
import type { Campaign } from '../settingsValues.ts';
import { EMPTY_FILTERS, type MemberFilters } from './filters.ts';
import { useCampaignProjectPage, useMembershipWrite } from './hooks.ts';
import { MemberFilterBar } from './MemberFilterBar.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { trackValue, useTrackOptions } from './tracks.ts';

const KEEP = 'keep';

export function AddProjectsDrawer({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation('campaign');
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const [filters, setFilters] = useState<MemberFilters>(EMPTY_FILTERS);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [track, setTrack] = useState(KEEP);
  const candidates = useCampaignProjectPage(campaign.id, 'candidates', filters, paging.page, paging.pageSize);
  const write = useMembershipWrite(campaign.id);
  const trackOptions = useTrackOptions();
  const total = candidates.data?.total ?? 0;
  const chosenTrack = track === KEEP ? undefined : trackValue(track);

  const after = {
    onSuccess: (r: { message: string }) => {
      void message.success(r.message);
      setSelected([]);
    },
    onError: (e: unknown) => void message.error(errorMessage(e)),
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('members.pickerTitle', { name: campaign.name })}
      size={narrow ? '100%' : 900}
      data-testid="member-picker"
      footer={
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Select value={track} onChange={setTrack} options={[{ value: KEEP, label: t('members.keepTrack') }, ...trackOptions]} style={{ flex: '1 1 180px', maxWidth: 240 }} aria-label={t('members.chooseTrack')} data-testid="picker-track" />
          <Popconfirm title={t('members.addMatchingConfirm', { count: total })} disabled={!total} onConfirm={() => write.mutate({ kind: 'addMatching', filters, track: chosenTrack }, after)} okButtonProps={{ 'data-testid': 'picker-add-matching-ok' }}>
            <Button disabled={!total} loading={write.isPending && write.variables?.kind === 'addMatching'} data-testid="picker-add-matching">
              {t('members.addMatching', { count: total })}
            </Button>
          </Popconfirm>
          <Button type="primary" disabled={!selected.length} loading={write.isPending && write.variables?.kind === 'add'} onClick={() => write.mutate({ kind: 'add', projectIds: selected, track: chosenTrack }, after)} data-testid="picker-add-selected">
            {t('members.addSelected', { count: selected.length })}
          </Button>
        </div>
      }
    >
      <Typography.Paragraph type="secondary">{t('members.pickerHint')}</Typography.Paragraph>
      <MemberFilterBar
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        testId="picker-filters"
      />
      <ProjectTable
        data={candidates.data}
        loading={candidates.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        selected={selected}
        onSelect={setSelected}
        testId="picker-table"
      />
    </Drawer>
  );
}
