/**
 * Shown when the server refuses a save because someone else saved first (409).
 * Nothing is overwritten: the user sees where their entries differ from the current
 * version and either reloads it (losing their edits) or keeps editing to copy them over.
 */
import {
  COMPETITION_TRACKS,
  formatWan,
  FUNDING_SOURCES,
  MILESTONE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  wanToYuan,
  type Locale,
  type ProjectDetail,
} from '@pacer/domain';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { personLabel, useChains, useOrganisations, usePeople, useRegions } from '../../../shared/reference.ts';
import { detailToValues, type ProjectFormValues } from './formValues.ts';

type Key = keyof ProjectFormValues;

/** Field → translation key, in the order the form shows them. */
const FIELDS: [Key, string][] = [
  ['name', 'fields.name'],
  ['code', 'fields.code'],
  ['levels', 'fields.levels'],
  ['category', 'fields.category'],
  ['status', 'fields.status'],
  ['track', 'fields.track'],
  ['regionCode', 'fields.region'],
  ['parkCode', 'fields.park'],
  ['industryCode', 'fields.industryCode'],
  ['chainId', 'fields.chain'],
  ['ownerOrgId', 'fields.owner'],
  ['responsibleOrgId', 'fields.responsibleOrg'],
  ['leaderPersonId', 'fields.leader'],
  ['hqOrgId', 'fields.hq'],
  ['serviceTeamOrgId', 'fields.serviceTeam'],
  ['contactName', 'fields.contactName'],
  ['contactPhone', 'fields.contactPhone'],
  ['totalInvestmentWan', 'fields.totalInvestmentWan'],
  ['annualPlans', 'fields.annualPlans'],
  ['fundingSources', 'fields.fundingSources'],
  ['plannedStart', 'fields.plannedStart'],
  ['plannedFinish', 'fields.plannedFinish'],
  ['milestones', 'fields.milestones'],
  ['latitude', 'fields.latitude'],
  ['longitude', 'fields.longitude'],
  ['description', 'fields.description'],
];

const wan = (text: string | null | undefined, locale: Locale) => {
  const yuan = text ? wanToYuan(text) : null;
  return yuan === null ? (text ?? '') : formatWan(yuan, 2, locale);
};
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function useDisplay(locale: Locale) {
  const regions = useRegions().data ?? [];
  const orgs = useOrganisations().data ?? [];
  const people = usePeople().data ?? [];
  const chains = useChains().data ?? [];
  const org = (id: string | null | undefined) => orgs.find((o) => o.id === id)?.name ?? id ?? '';
  return (key: Key, v: ProjectFormValues): string => {
    switch (key) {
      case 'levels':
        return (v.levels ?? []).map((l) => PROJECT_LEVELS.label(l, locale)).join('、');
      case 'category':
        return v.category ? PROJECT_CATEGORIES.label(v.category, locale) : '';
      case 'status':
        return v.status ? PROJECT_STATUSES.label(v.status, locale) : '';
      case 'track':
        return v.track ? COMPETITION_TRACKS.label(v.track, locale) : '';
      case 'regionCode':
      case 'parkCode':
        return regions.find((r) => r.code === v[key])?.name ?? v[key] ?? '';
      case 'chainId':
        return chains.find((c) => c.id === v.chainId)?.name ?? '';
      case 'ownerOrgId':
      case 'responsibleOrgId':
      case 'hqOrgId':
      case 'serviceTeamOrgId':
        return org(v[key]);
      case 'leaderPersonId': {
        const person = people.find((p) => p.id === v.leaderPersonId);
        return person ? personLabel(person) : '';
      }
      case 'totalInvestmentWan':
        return wan(v.totalInvestmentWan, locale);
      case 'annualPlans':
        return (v.annualPlans ?? []).map((p) => `${p.year ?? ''}: ${wan(p.amountWan, locale)}`).join('；');
      case 'fundingSources':
        return (v.fundingSources ?? []).map((f) => `${f.source ? FUNDING_SOURCES.label(f.source, locale) : ''} ${wan(f.amountWan, locale)}`).join('；');
      case 'milestones':
        return (v.milestones ?? [])
          .map((m) => `${m.kind ? MILESTONE_KINDS.label(m.kind, locale) : ''} ${day(m.plannedDate)}${m.actualDate ? ` / ${day(m.actualDate)}` : ''}`)
          .join('；');
      case 'plannedStart':
      case 'plannedFinish':
        return day(v[key]);
      case 'latitude':
      case 'longitude':
        return v[key] === null || v[key] === undefined ? '' : String(v[key]);
      default:
        return String(v[key] ?? '').trim();
    }
  };
}

export function ConflictModal({
  current,
  mine,
  message,
  onReload,
  onKeep,
}: {
  current: ProjectDetail;
  mine: ProjectFormValues;
  message: string;
  onReload: () => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const display = useDisplay(locale);
  const theirs = detailToValues(current);
  const rows = FIELDS.map(([key, label]) => ({ key, label: t(label as 'fields.name'), yours: display(key, mine), current: display(key, theirs) })).filter(
    (r) => r.yours !== r.current,
  );

  return (
    <Modal
      open
      width={760}
      title={t('form.conflict.title')}
      onCancel={onKeep}
      data-testid="conflict-modal"
      footer={[
        <Button key="keep" onClick={onKeep}>
          {t('form.conflict.keep')}
        </Button>,
        <Button key="reload" type="primary" onClick={onReload} data-testid="conflict-reload">
          {t('form.conflict.reload')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={message} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>{t('form.conflict.intro')}</Typography.Paragraph>
      {rows.length ? (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 'max-content', y: 360 }}
          dataSource={rows}
          columns={[
            { key: 'label', title: t('form.conflict.field'), dataIndex: 'label', width: 120 },
            { key: 'yours', title: t('form.conflict.yours'), dataIndex: 'yours' },
            { key: 'current', title: t('form.conflict.current'), dataIndex: 'current' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('form.conflict.noDiff')}</Typography.Text>
      )}
    </Modal>
  );
}
