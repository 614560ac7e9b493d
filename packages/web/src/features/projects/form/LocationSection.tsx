/**
 * 位置与简介: where the site is (for the dispatch map and photo checks) and what it builds.
 * No min/max on the inputs: antd would silently clamp; the schema explains the range instead.
 */
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field, FormSection } from './layout.tsx';

export function LocationSection() {
  const { t } = useTranslation('projects');
  return (
    <FormSection title={t('detail.sections.location')} testId="form-location">
      <Field>
        <Form.Item name="latitude" label={t('fields.latitude')}>
          <InputNumber step={0.000001} style={{ width: '100%' }} data-testid="field-latitude" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="longitude" label={t('fields.longitude')}>
          <InputNumber step={0.000001} style={{ width: '100%' }} data-testid="field-longitude" />
        </Form.Item>
      </Field>
      <Field wide>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount data-testid="field-description" />
        </Form.Item>
      </Field>
    </FormSection>
  );
}
