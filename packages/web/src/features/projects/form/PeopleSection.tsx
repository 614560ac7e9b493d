/** 责任主体: "五个一" — one owner, one leader, one HQ, one service team, one contact. */
import { ORG_KINDS, type OrgDto } from '@pacer/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { personLabel, useOrganisations, usePeople } from '../../../shared/reference.ts';
import { Field, FormSection } from './layout.tsx';

const orgOptions = (orgs: readonly OrgDto[] | undefined) => (orgs ?? []).map((o) => ({ value: o.id, label: o.name }));

export function PeopleSection() {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const all = useOrganisations();
  const people = usePeople();
  const ofKind = (kind: OrgDto['kind']) => all.data?.filter((o) => o.kind === kind);
  const select = { placeholder: t('form.select'), showSearch: { optionFilterProp: 'label' }, loading: all.isPending } as const;
  // Any unit can be the responsible one (a department, a district government…), grouped by kind.
  const responsibleOptions = ORG_KINDS.list
    .map((k) => ({ label: ORG_KINDS.label(k.key, locale), options: orgOptions(ofKind(k.key)) }))
    .filter((g) => g.options.length > 0);

  return (
    <FormSection title={t('detail.sections.people')} testId="form-people">
      <Field>
        <Form.Item name="ownerOrgId" label={t('fields.owner')} required>
          <Select {...select} options={orgOptions(ofKind('owner'))} data-testid="field-owner" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="responsibleOrgId" label={t('fields.responsibleOrg')}>
          <Select {...select} allowClear options={responsibleOptions} data-testid="field-responsible" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="leaderPersonId" label={t('fields.leader')}>
          <Select
            {...select}
            allowClear
            loading={people.isPending}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
            data-testid="field-leader"
          />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="hqOrgId" label={t('fields.hq')}>
          <Select {...select} allowClear options={orgOptions(ofKind('hq'))} data-testid="field-hq" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="serviceTeamOrgId" label={t('fields.serviceTeam')}>
          <Select {...select} allowClear options={orgOptions(ofKind('service_team'))} data-testid="field-service-team" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="contactName" label={t('fields.contactName')}>
          <Input maxLength={50} data-testid="field-contact-name" />
        </Form.Item>
      </Field>
      <Field>
        <Form.Item name="contactPhone" label={t('fields.contactPhone')}>
          <Input maxLength={30} inputMode="tel" placeholder={t('form.phonePlaceholder')} data-testid="field-contact-phone" />
        </Form.Item>
      </Field>
    </FormSection>
  );
}
