/** 进度计划: planned start and finish, and the milestone plan (节点计划) against its baselines. */
import { PlusOutlined } from '@ant-design/icons';
import { MILESTONE_KINDS } from '@pacer/domain';
import { Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { termOptions } from '../../../shared/vocabulary.ts';
import type { Baselines, MilestoneRow } from './formValues.ts';
import { RemoveButton } from './InvestmentSection.tsx';
import { Field, FormSection, WIDE_COL } from './layout.tsx';

const DATE = { style: { width: '100%' }, format: 'YYYY-MM-DD' } as const;

export function ScheduleSection({ baselines, listErrors }: { baselines: Baselines; listErrors: Record<string, string[]> }) {
  const { t } = useTranslation('projects');
  return (
    <FormSection title={t('detail.sections.schedule')} testId="form-schedule">
      <Field>
        <Form.Item name="plannedStart" label={t('fields.plannedStart')}>
          <DatePicker {...DATE} data-testid="field-planned-start" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="plannedFinish" label={t('fields.plannedFinish')}>
          <DatePicker {...DATE} data-testid="field-planned-finish" />
        </Form.Item>
      </Field>
      <Col {...WIDE_COL}>
        <Typography.Title level={5}>{t('fields.milestones')}</Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <MilestoneRowFields key={field.key} name={field.name} baselines={baselines} onRemove={() => remove(field.name)} />
              ))}
              <Form.ErrorList errors={listErrors.milestones} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-milestone">
                {t('form.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
    </FormSection>
  );
}

function MilestoneRowFields({ name, baselines, onRemove }: { name: number; baselines: Baselines; onRemove: () => void }) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const row = Form.useWatch<MilestoneRow | undefined>(['milestones', name]);
  const baseline = row?.kind ? baselines.milestones.get(row.kind) : undefined;
  const planned = row?.plannedDate ? row.plannedDate.format('YYYY-MM-DD') : null;
  // Same rule as the server: only a baseline that exists can be moved away from.
  const changed = baseline !== undefined && baseline !== null && planned !== baseline;
  return (
    <Row gutter={16} align="top" className="pacer-list-row" data-testid="milestone-row">
      <Col xs={24} md={5}>
        <Form.Item name={[name, 'kind']} label={t('detail.milestones.kind')} required>
          <Select placeholder={t('form.select')} options={termOptions(MILESTONE_KINDS, locale)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item
          name={[name, 'plannedDate']}
          label={t('detail.milestones.planned')}
          extra={baseline ? t('form.baselineDate', { date: baseline }) : undefined}
        >
          <DatePicker {...DATE} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[name, 'actualDate']} label={t('detail.milestones.actual')}>
          <DatePicker {...DATE} />
        </Form.Item>
      </Col>
      {changed && (
        <Col xs={20} md={7}>
          <Form.Item name={[name, 'changeReason']} label={t('form.changeReason')} required>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('form.changeReasonPlaceholder')} />
          </Form.Item>
        </Col>
      )}
      <Col xs={4} md={2}>
        <RemoveButton onClick={onRemove} />
      </Col>
    </Row>
  );
}
