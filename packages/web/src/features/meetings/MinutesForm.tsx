/** 会议情况与纪要: title, date, chair, place, attending units and people, status and the minutes. */
import { MEETING_STATUSES, ORG_KINDS } from '@pacer/domain';
import { Col, DatePicker, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { personLabel, useOrganisations, usePeople } from '../../shared/reference.ts';
import type { MeetingFields } from './agenda.ts';
import type { MeetingDetail } from './types.ts';

type FormValues = Omit<MeetingFields, 'heldOn'> & { heldOn: Dayjs };

interface Props {
  fields: MeetingFields;
  editable: boolean;
  onChange: (patch: Partial<MeetingFields>) => void;
  meeting: MeetingDetail;
}

/** Units grouped by kind, for the attending units and the decisions' lead units. */
export function useUnitOptions() {
  const { locale } = useLocale();
  const orgs = useOrganisations();
  const kinds = ORG_KINDS.keys.filter((k) => k !== 'owner');
  return {
    loading: orgs.isPending,
    options: kinds.map((kind) => ({
      label: ORG_KINDS.label(kind, locale),
      options: (orgs.data ?? []).filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name, title: o.name })),
    })),
  };
}

export function MinutesForm({ fields, editable, onChange, meeting }: Props) {
  const { t } = useTranslation('meetings');
  const people = usePeople();
  const units = useUnitOptions();
  if (!editable) return <MinutesView meeting={meeting} />;
  const initial: FormValues = { ...fields, heldOn: dayjs(fields.heldOn) };
  const half = { xs: 24, md: 12 };
  return (
    <Form<FormValues>
      layout="vertical"
      initialValues={initial}
      onValuesChange={(changed: Partial<FormValues>) => {
        const { heldOn, ...rest } = changed;
        onChange(heldOn === undefined ? rest : { ...rest, heldOn: heldOn ? heldOn.format('YYYY-MM-DD') : fields.heldOn });
      }}
      data-testid="minutes-form"
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="title" label={t('form.title')}>
            <Input maxLength={100} data-testid="field-title" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="heldOn" label={t('form.heldOn')}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowClear={false} inputReadOnly />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="chairPersonId" label={t('form.chair')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={people.isPending} options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="location" label={t('form.location')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attendeeOrgIds" label={t('minutes.attendeeUnits')} extra={t('minutes.attendeeUnitsHelp')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" loading={units.loading} options={units.options} data-testid="field-attendee-units" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attendees" label={t('minutes.attendees')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="field-attendees" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="status" label={t('minutes.status')}>
            <Select options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} data-testid="field-status" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="minutes" label={t('minutes.minutes')}>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 24 }} maxLength={20000} placeholder={t('minutes.minutesPlaceholder')} data-testid="field-minutes" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** What a reader sees: the same, as text. */
function MinutesView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  return (
    <div data-testid="minutes-view">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('minutes.attendeeUnits')}>{meeting.attendeeUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('minutes.attendees')}>{meeting.attendees || '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('minutes.minutes')}</Typography.Title>
      {meeting.minutes ? meeting.minutes.split('\n').map((line, i) => <Typography.Paragraph key={i}>{line}</Typography.Paragraph>) : <Typography.Text type="secondary">—</Typography.Text>}
    </div>
  );
}
