/** 议定事项: each decision is a problem or task assigned at once to its unit, followed in 问题督办. */
import { PlusOutlined } from '@ant-design/icons';
import { PROBLEM_KINDS, PROBLEM_SEVERITIES, PROBLEM_TYPES } from '@pacer/domain';
import { App, Button, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { showServerError } from './formErrors.ts';
import { useAddDecision } from './hooks.ts';
import { useUnitOptions } from './MinutesForm.tsx';
import type { DecisionInput, MeetingDetail } from './types.ts';

const STATE_COLOURS: Record<string, string> = { raised: 'default', assigned: 'orange', signed: 'blue', replied: 'cyan', reviewed: 'purple', closed: 'green' };

export function Decisions({ meeting, editable, onAdded }: { meeting: MeetingDetail; editable: boolean; onAdded: (next: MeetingDetail) => void }) {
  const { t } = useTranslation('meetings');
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="decisions">
      <List
        dataSource={meeting.decisionList}
        locale={{ emptyText: <Empty description={t('decisions.empty')} /> }}
        renderItem={(d, i) => (
          <List.Item data-testid="decision" extra={<Link to={`/problems/${d.problemId}`}>{t('decisions.openProblem')}</Link>}>
            <List.Item.Meta
              avatar={<Typography.Text type="secondary">{i + 1}.</Typography.Text>}
              title={<span style={{ whiteSpace: 'pre-wrap' }}>{d.text}</span>}
              description={
                <Space wrap size={4}>
                  <Tag>{t(`decisions.kinds.${d.kind}`)}</Tag>
                  <Tag color={STATE_COLOURS[d.state]}>{t(`decisions.states.${d.state}`)}</Tag>
                  <span>{t('decisions.leadIs', { lead: d.lead ?? '—' })}</span>
                  <span>{t('decisions.deadlineIs', { deadline: d.deadline ?? '—' })}</span>
                  <Typography.Text type="secondary">#{d.problemNumber}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {editable && (
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }} data-testid="decision-add">
          {t('decisions.add')}
        </Button>
      )}
      {adding && (
        <DecisionDialog
          meeting={meeting}
          onClose={(next) => {
            setAdding(false);
            if (next) onAdded(next);
          }}
        />
      )}
    </div>
  );
}

type Values = Omit<DecisionInput, 'deadline'> & { deadline?: Dayjs | null };

function DecisionDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose: (next?: MeetingDetail) => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const add = useAddDecision(meeting.id);
  // The projects this meeting took up: a decision is usually about one of them.
  const projects = new Map<string, string>();
  for (const a of meeting.agenda) if (a.projectId) projects.set(a.projectId, a.projectName ?? a.title);
  for (const v of meeting.visits) projects.set(v.projectId, v.projectName);

  const onOk = async () => {
    const v = await form.validateFields();
    add.mutate(
      { ...v, projectId: v.projectId ?? null, deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null },
      {
        onSuccess: (next) => {
          const lead = next.decisionList.at(-1)?.lead ?? '';
          void message.success(t('decisions.added', { lead }));
          onClose(next);
        },
        onError: (error) => showServerError(form, error, (text) => void message.error(text)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('decisions.addTitle')}
      okText={t('common:actions.confirm')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'decision-ok' }}
      onOk={() => void onOk()}
      onCancel={() => onClose()}
      destroyOnHidden
      data-testid="decision-dialog"
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'problem', type: 'other', severity: 'normal', coHandlerOrgIds: [] }}>
        <Form.Item name="text" label={t('decisions.text')} rules={[{ required: true, whitespace: true, min: 2, message: t('form.required', { field: t('decisions.text') }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('decisions.textPlaceholder')} data-testid="decision-text" />
        </Form.Item>
        <Form.Item name="kind" label={t('decisions.kind')}>
          <Select options={PROBLEM_KINDS.map((k) => ({ value: k, label: t(`decisions.kinds.${k}`) }))} data-testid="decision-kind" />
        </Form.Item>
        <Form.Item name="leadOrgId" label={t('decisions.lead')} rules={[{ required: true, message: t('form.required', { field: t('decisions.lead') }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={units.loading} options={units.options} data-testid="decision-lead" />
        </Form.Item>
        <Form.Item name="coHandlerOrgIds" label={t('decisions.coHandlers')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" options={units.options} data-testid="decision-cohandlers" />
        </Form.Item>
        <Form.Item name="deadline" label={t('decisions.deadline')} extra={t('decisions.deadlineHelp')}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly data-testid="decision-deadline" />
        </Form.Item>
        <Form.Item name="projectId" label={t('decisions.project')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={[...projects].map(([value, label]) => ({ value, label, title: label }))} data-testid="decision-project" />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="type" label={t('decisions.type')}>
            <Select style={{ minWidth: 140 }} options={PROBLEM_TYPES.map((k) => ({ value: k, label: t(`decisions.types.${k}`) }))} data-testid="decision-type" />
          </Form.Item>
          <Form.Item name="severity" label={t('decisions.severity')}>
            <Select style={{ minWidth: 120 }} options={PROBLEM_SEVERITIES.map((k) => ({ value: k, label: t(`decisions.severities.${k}`) }))} data-testid="decision-severity" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
