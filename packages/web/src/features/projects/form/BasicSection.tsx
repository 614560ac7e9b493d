/** 基本信息: identity and classification of the project. */
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { useChains, useRegions } from '../../../shared/reference.ts';
import { termOptions } from '../../../shared/vocabulary.ts';
import { Field, FormSection } from './layout.tsx';

export function BasicSection() {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const regions = useRegions();
  const chains = useChains();
  const select = { placeholder: t('form.select'), showSearch: { optionFilterProp: 'label' } } as const;
  const regionOptions = (regions.data ?? [])
    .filter((r) => r.kind !== 'park' && r.kind !== 'province')
    .map((r) => ({ value: r.code, label: `${r.name} ${r.code}` }));
  const parkOptions = (regions.data ?? []).filter((r) => r.kind === 'park').map((r) => ({ value: r.code, label: `${r.name} ${r.code}` }));

  return (
    <FormSection title={t('detail.sections.basic')} testId="form-basic">
      <Field>
        <Form.Item name="name" label={t('fields.name')} required>
          <Input maxLength={200} data-testid="field-name" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="code" label={t('fields.code')}>
          <Input placeholder={t('form.codePlaceholder')} maxLength={24} data-testid="field-code" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="levels" label={t('fields.levels')} required>
          <Select mode="multiple" {...select} options={termOptions(PROJECT_LEVELS, locale)} data-testid="field-levels" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="category" label={t('fields.category')} required>
          <Select {...select} options={termOptions(PROJECT_CATEGORIES, locale)} data-testid="field-category" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="status" label={t('fields.status')} required>
          <Select {...select} options={termOptions(PROJECT_STATUSES, locale)} data-testid="field-status" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="track" label={t('fields.track')}>
          <Select {...select} allowClear options={termOptions(COMPETITION_TRACKS, locale)} data-testid="field-track" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="regionCode" label={t('fields.region')} required>
          <Select {...select} loading={regions.isPending} options={regionOptions} data-testid="field-region" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="parkCode" label={t('fields.park')}>
          <Select {...select} allowClear loading={regions.isPending} options={parkOptions} data-testid="field-park" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="industryCode" label={t('fields.industryCode')}>
          <Input placeholder={t('form.industryPlaceholder')} maxLength={5} data-testid="field-industry" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="chainId" label={t('fields.chain')}>
          <Select
            {...select}
            allowClear
            loading={chains.isPending}
            options={(chains.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="field-chain"
          />
        </Form.Item>
      </Field>
    </FormSection>
  );
}
