/** 现场观摩: the projects visited (set by the office), observers' scores, and the ranking they roll into. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, List, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { showServerError } from './formErrors.ts';
import { useRanking, useScore, useSetVisits } from './hooks.ts';
import { ProjectPicker } from './ProjectPicker.tsx';
import type { MeetingDetail, RankingGroup, ScoreInput } from './types.ts';

interface Props {
  meeting: MeetingDetail;
  onChanged: (next: MeetingDetail) => void;
}

export function TourPanel({ meeting, onChanged }: Props) {
  const can = useCan();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="tour">
      {can('meetings:manage') ? <VisitsEditor key={meeting.version} meeting={meeting} onSaved={onChanged} /> : <VisitsList meeting={meeting} />}
      {can('meetings:score') && meeting.visits.length > 0 && <ScoreForm meeting={meeting} />}
      <RankingCard meeting={meeting} />
      {meeting.scoreSheets.length > 0 && <ScoreSheets meeting={meeting} />}
    </Space>
  );
}

function VisitsList({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  return (
    <Card size="small" title={t('tour.visits')}>
      <List
        dataSource={meeting.visits}
        locale={{ emptyText: <Empty description={t('tour.noVisits')} /> }}
        renderItem={(v, i) => (
          <List.Item data-testid="visit">
            <List.Item.Meta avatar={`${i + 1}.`} title={v.projectName} description={v.regionName} />
            <Typography.Text>{v.average === null ? '—' : v.average.toFixed(2)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The office's list of stops: add by searching, remove, save in one go. */
function VisitsEditor({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: (next: MeetingDetail) => void }) {
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const [rows, setRows] = useState(() => meeting.visits.map((v) => ({ projectId: v.projectId, name: v.projectName, note: v.note })));
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const save = useSetVisits(meeting.id);
  const dirty = rows.map((r) => r.projectId).join() !== meeting.visits.map((v) => v.projectId).join();
  const onSave = () =>
    save.mutate(
      { version: meeting.version, visits: rows.map(({ projectId, note }) => ({ projectId, note })) },
      {
        onSuccess: (next) => {
          void message.success(t('tour.visitsSaved'));
          onSaved(next);
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Card
      size="small"
      title={t('tour.visits')}
      extra={
        <Button type="primary" size="small" disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="visits-save">
          {t('tour.saveVisits')}
        </Button>
      }
    >
      <List
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('tour.noVisits')} /> }}
        renderItem={(r, i) => (
          <List.Item
            data-testid="visit"
            actions={[<Button key="remove" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('agenda.remove')} onClick={() => setRows(rows.filter((x) => x.projectId !== r.projectId))} />]}
          >
            <List.Item.Meta avatar={`${i + 1}.`} title={r.name} description={meeting.visits.find((v) => v.projectId === r.projectId)?.regionName} />
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <ProjectPicker value={picked?.id ?? null} onChange={(id, name) => setPicked(id && name ? { id, name } : null)} placeholder={t('tour.searchProject')} exclude={rows.map((r) => r.projectId)} testId="visit-project" />
        <Button
          icon={<PlusOutlined />}
          disabled={!picked}
          onClick={() => {
            if (!picked) return;
            setRows([...rows, { projectId: picked.id, name: picked.name, note: '' }]);
            setPicked(null);
          }}
          data-testid="visit-add"
        >
          {t('tour.addVisit')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

/** An observer scores a visited project; the office may enter a paper sheet under the observer's name. */
function ScoreForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation(['meetings', 'common']);
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<ScoreInput>();
  const score = useScore(meeting.id);
  const onFinish = (v: ScoreInput) =>
    score.mutate(
      { ...v, comment: v.comment?.trim() ?? '', observer: v.observer?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('tour.scored'));
          form.resetFields(['score', 'comment']);
        },
        onError: (error) => showServerError(form, error, (text) => void message.error(text)),
      },
    );
  return (
    <Card size="small" title={t('tour.scoreTitle')}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="score-form" style={{ maxWidth: 640 }}>
        <Form.Item name="projectId" label={t('tour.project')} rules={[{ required: true, message: t('form.required', { field: t('tour.project') }) }]}>
          <Select options={meeting.visits.map((v) => ({ value: v.projectId, label: v.projectName, title: v.projectName }))} data-testid="score-project" />
        </Form.Item>
        <Form.Item name="score" label={t('tour.value')} rules={[{ required: true, message: t('form.required', { field: t('tour.value') }) }]}>
          <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} inputMode="decimal" data-testid="score-value" />
        </Form.Item>
        <Form.Item name="comment" label={t('tour.comment')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="score-comment" />
        </Form.Item>
        {can('meetings:manage') && (
          <Form.Item name="observer" label={t('tour.observer')} extra={t('tour.observerHelp')}>
            <Input maxLength={50} data-testid="score-observer" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="score-submit">
          {t('tour.score')}
        </Button>
      </Form>
    </Card>
  );
}

function RankingCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const [groupBy, setGroupBy] = useState<RankingGroup>('project');
  const ranking = useRanking(meeting.id, groupBy, meeting.visits.length > 0);
  return (
    <Card
      size="small"
      title={t('tour.ranking')}
      extra={<Segmented<RankingGroup> size="small" value={groupBy} onChange={setGroupBy} options={[{ value: 'project', label: t('tour.byProject') }, { value: 'region', label: t('tour.byRegion') }]} data-testid="ranking-group" />}
    >
      <Table
        rowKey="key"
        size="small"
        loading={ranking.isFetching}
        dataSource={ranking.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('tour.noScores')} /> }}
        onRow={() => ({ 'data-testid': 'ranking-row' }) as object}
        columns={[
          { key: 'rank', title: t('tour.rank'), dataIndex: 'rank', width: 64 },
          { key: 'name', title: groupBy === 'project' ? t('tour.project') : t('tour.region'), dataIndex: 'name' },
          ...(groupBy === 'project' ? [{ key: 'region', title: t('tour.region'), dataIndex: 'regionName' }] : []),
          { key: 'scores', title: t('tour.scores'), dataIndex: 'scores', align: 'right' as const },
          { key: 'average', title: t('tour.average'), dataIndex: 'average', align: 'right' as const, render: (v: number) => v.toFixed(2) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tour.trimNote')}
      </Typography.Text>
    </Card>
  );
}

function ScoreSheets({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const nameOf = (id: string) => meeting.visits.find((v) => v.projectId === id)?.projectName ?? '—';
  return (
    <Card size="small" title={t('tour.sheets')}>
      <Table
        rowKey={(s) => `${s.projectId}/${s.observer}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={meeting.scoreSheets}
        columns={[
          { key: 'observer', title: t('tour.observer'), render: (_, s) => (s.mine ? <Tag color="blue">{t('tour.mine')}</Tag> : s.observer) },
          { key: 'project', title: t('tour.project'), render: (_, s) => nameOf(s.projectId) },
          { key: 'score', title: t('tour.value'), dataIndex: 'score', align: 'right' },
          { key: 'comment', title: t('tour.comment'), dataIndex: 'comment' },
        ]}
      />
    </Card>
  );
}
