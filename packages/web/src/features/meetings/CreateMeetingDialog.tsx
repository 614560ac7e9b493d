/** 新建会议: kind, date, chairing leader, place and the lag threshold; the agenda comes from the data. */
import { DEFAULT_AGENDA_GAP_POINTS, MEETING_KINDS, type MeetingKind } from '@pacer/domain';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { personLabel, usePeople } from '../../shared/reference.ts';
import { todayInBeijing } from '../../shared/periods.ts';
import { showServerError } from './formErrors.ts';
import { useCreateMeeting } from './hooks.ts';

interface Values {
  kind: MeetingKind;
  heldOn: Dayjs;
  title?: string;
  chairPersonId?: string;
  location?: string;
  gapThreshold: number;
  proposeAgenda: boolean;
}

export function CreateMeetingDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const people = usePeople();
  const create = useCreateMeeting();

  const onOk = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        kind: v.kind,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        title: v.title?.trim() || undefined,
        chairPersonId: v.chairPersonId ?? null,
        location: v.location?.trim() || null,
        gapThreshold: v.gapThreshold,
        proposeAgenda: v.proposeAgenda,
      },
      {
        onSuccess: (meeting) => {
          void message.success(v.proposeAgenda ? t('form.created') : t('form.createdEmpty'));
          onClose();
          void navigate(`/meetings/${meeting.id}`);
        },
        onError: (error) => showServerError(form, error, (text) => void message.error(text)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('form.createTitle')}
      okText={t('common:actions.confirm')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'create-meeting-ok' }}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="create-meeting-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'weekly', heldOn: dayjs(todayInBeijing()), gapThreshold: DEFAULT_AGENDA_GAP_POINTS, proposeAgenda: true }}
        requiredMark="optional"
      >
        <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true }]}>
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="field-kind" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('form.heldOn')} rules={[{ required: true, message: t('form.required', { field: t('form.heldOn') }) }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly data-testid="field-held-on" />
        </Form.Item>
        <Form.Item name="title" label={t('form.title')}>
          <Input placeholder={t('form.titlePlaceholder')} maxLength={100} data-testid="field-title" />
        </Form.Item>
        <Form.Item name="chairPersonId" label={t('form.chair')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isPending}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
            data-testid="field-chair"
          />
        </Form.Item>
        <Form.Item name="location" label={t('form.location')}>
          <Input maxLength={200} data-testid="field-location" />
        </Form.Item>
        <Form.Item name="gapThreshold" label={t('form.gapThreshold')} extra={t('form.gapThresholdHelp')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} data-testid="field-gap-threshold" />
        </Form.Item>
        <Form.Item name="proposeAgenda" valuePropName="checked">
          <Checkbox data-testid="field-propose">{t('form.proposeAgenda')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
