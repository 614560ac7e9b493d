/**
 * 竞赛项目 tab of the campaign settings: the campaign's projects with their tracks; select rows
 * to set their track or remove them; "添加项目" opens the picker of library projects.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import type { Campaign } from '../settingsValues.ts';
import { AddProjectsDrawer } from './AddProjectsDrawer.tsx';
import { EMPTY_FILTERS, type MemberFilters } from './filters.ts';
import { useCampaignProjectPage, useMembershipWrite } from './hooks.ts';
import { MemberFilterBar } from './MemberFilterBar.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { trackValue, useTrackOptions } from './tracks.ts';

export function MembersTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaign');
  const { message } = App.useApp();
  const [filters, setFilters] = useState<MemberFilters>(EMPTY_FILTERS);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [track, setTrack] = useState<string | undefined>();
  const [picking, setPicking] = useState(false);
  const list = useCampaignProjectPage(campaign.id, 'projects', filters, paging.page, paging.pageSize);
  const write = useMembershipWrite(campaign.id);
  const trackOptions = useTrackOptions();

  const after = {
    onSuccess: (r: { message: string }) => {
      void message.success(r.message);
      setSelected([]);
    },
    onError: (e: unknown) => void message.error(errorMessage(e)),
  };
  const setTrackOfSelected = () => write.mutate({ kind: 'track', projectIds: selected, track: trackValue(track!) }, after);
  const removeSelected = () => write.mutate({ kind: 'remove', projectIds: selected }, after);

  return (
    <div data-testid="campaign-members">
      <MemberFilterBar
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        testId="member-filters"
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="member-selected">
          {t('members.selected', { count: selected.length })}
        </Typography.Text>
        <Space.Compact style={{ flex: '1 1 240px', maxWidth: 360 }}>
          <Select value={track} onChange={setTrack} options={trackOptions} placeholder={t('members.chooseTrack')} style={{ width: '100%' }} data-testid="member-track-select" />
          <Button onClick={setTrackOfSelected} disabled={!selected.length || !track} loading={write.isPending && write.variables?.kind === 'track'} data-testid="member-set-track">
            {t('members.setTrack')}
          </Button>
        </Space.Compact>
        <Popconfirm title={t('members.removeConfirm', { count: selected.length })} onConfirm={removeSelected} disabled={!selected.length} okButtonProps={{ danger: true, 'data-testid': 'member-remove-ok' }}>
          <Button danger disabled={!selected.length} loading={write.isPending && write.variables?.kind === 'remove'} data-testid="member-remove">
            {t('members.remove')}
          </Button>
        </Popconfirm>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} style={{ marginInlineStart: 'auto' }} data-testid="member-add">
          {t('members.add')}
        </Button>
      </div>
      <ProjectTable
        data={list.data}
        loading={list.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        selected={selected}
        onSelect={setSelected}
        testId="member-table"
      />
      {picking && <AddProjectsDrawer campaign={campaign} onClose={() => setPicking(false)} />}
    </div>
  );
}
