/**
 * One meeting (/meetings/:id?tab=): its agenda, attendance and minutes, decisions and, for a
 * tour, visits and scores. The office edits agenda and minutes and saves them together; every
 * reader downloads the brief and the minutes as Word.
 */
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { downloadFile } from '../bulletins/download.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { updateBody } from './agenda.ts';
import { Decisions } from './Decisions.tsx';
import { useMeeting, useUpdateMeeting } from './hooks.ts';
import { MinutesForm } from './MinutesForm.tsx';
import { KindTag, StatusTag } from './tags.tsx';
import { TourPanel } from './TourPanel.tsx';
import type { MeetingDetail } from './types.ts';
import { useMeetingDraft } from './useMeetingDraft.ts';

const TABS = ['agenda', 'minutes', 'decisions', 'tour'] as const;
type Tab = (typeof TABS)[number];

export default function MeetingPage() {
  const { t } = useTranslation('meetings');
  const { id } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ApiRequestError && meeting.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : errorMessage(meeting.error)}
        extra={
          <Link to="/meetings">
            <Button>{t('detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation(['meetings', 'common']);
  const { message } = App.useApp();
  const can = useCan();
  const editable = can('meetings:manage');
  const draft = useMeetingDraft(meeting);
  const update = useUpdateMeeting(meeting.id);
  const [conflict, setConflict] = useState(false);
  const [sp, setSp] = useSearchParams();
  const tabs = TABS.filter((k) => k !== 'tour' || meeting.kind === 'tour');
  const tab: Tab = tabs.find((k) => k === sp.get('tab')) ?? (meeting.kind === 'tour' ? 'tour' : 'agenda');

  const save = () =>
    update.mutate(updateBody(draft.base, draft.fields, draft.agenda), {
      onSuccess: (saved) => {
        setConflict(false);
        draft.reset(saved);
        void message.success(t('detail.saved'));
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) setConflict(true);
        else void message.error(errorMessage(error));
      },
    });
  const discard = () => {
    setConflict(false);
    draft.reset(meeting);
  };

  return (
    <div data-testid="meeting-page">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Link to="/meetings">
            <ArrowLeftOutlined /> {t('detail.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
            {meeting.title}
          </Typography.Title>
          <Space wrap size={4}>
            <KindTag kind={meeting.kind} />
            <StatusTag status={meeting.status} />
            <span>{meeting.heldOn}</span>
            {meeting.chair && <span>· {t('detail.chair')}：{meeting.chair.name}</span>}
            {meeting.location && <span>· {t('detail.location')}：{meeting.location}</span>}
          </Space>
          <Space wrap>
            <DownloadButton meeting={meeting} paper="brief" label={t('detail.downloadBrief')} />
            <DownloadButton meeting={meeting} paper="minutes" label={t('detail.downloadMinutes')} />
          </Space>
        </Space>
      </Card>
      {editable && (draft.dirty || conflict) && (
        <Alert
          type={conflict ? 'error' : 'warning'}
          showIcon
          title={conflict ? t('detail.conflict') : t('detail.unsaved')}
          style={{ marginBottom: 12, position: 'sticky', top: 0, zIndex: 3 }}
          data-testid="save-bar"
          action={
            <Space wrap>
              {!conflict && (
                <Button type="primary" size="small" loading={update.isPending} onClick={save} data-testid="meeting-save">
                  {t('detail.save')}
                </Button>
              )}
              <Button size="small" onClick={discard} data-testid="meeting-discard">
                {t('detail.discard')}
              </Button>
            </Space>
          }
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp(k === 'agenda' ? {} : { tab: k }, { replace: true })}
          items={tabs.map((k) => ({
            key: k,
            label: <span data-testid={`tab-${k}`}>{t(`detail.tabs.${k}`)}</span>,
            children:
              k === 'agenda' ? (
                <AgendaEditor rows={draft.agenda} editable={editable} onChange={draft.setAgenda} />
              ) : k === 'minutes' ? (
                <MinutesForm key={draft.generation} fields={draft.fields} editable={editable} onChange={draft.setFields} meeting={meeting} />
              ) : k === 'decisions' ? (
                <Decisions meeting={meeting} editable={editable} onAdded={draft.rebase} />
              ) : (
                <TourPanel meeting={meeting} onChanged={draft.rebase} />
              ),
          }))}
        />
      </Card>
    </div>
  );
}

function DownloadButton({ meeting, paper, label }: { meeting: MeetingDetail; paper: 'brief' | 'minutes'; label: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadFile(`/api/meetings/${meeting.id}/${paper}.docx`, {}, `${meeting.title}-${paper}.docx`)
      .catch((error: unknown) => void message.error(errorMessage(error)))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<FileWordOutlined />} loading={busy} onClick={download} data-testid={`download-${paper}`}>
      {label}
    </Button>
  );
}
