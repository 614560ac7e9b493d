/**
 * 活动设置 (/campaign?year=&tab=): cadence and deadlines, the time-progress curve and the grading
 * thresholds of a year's campaign (the server's Chinese messages land on the fields they name),
 * and in the 竞赛项目 tab the campaign's projects and their tracks.
 */
import { PERIOD_KINDS } from '@pacer/domain';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Spin, Tabs, TimePicker, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { CurveEditor } from './CurveEditor.tsx';
import { useCampaigns, useSaveCampaign } from './hooks.ts';
import { MembersTab } from './members/MembersTab.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { curveError, toBody, toValues, type Campaign, type CampaignFormValues } from './settingsValues.ts';

const COL = { xs: 24, md: 12, xl: 8 } as const;
type FieldData = Parameters<ReturnType<typeof Form.useForm<CampaignFormValues>>[0]['setFields']>[0];

/** API path → form field and its label key. */
function placeOf(path: readonly (string | number)[]): { name: (string | number)[] | null; label: string; section?: 'curve' | 'rules' } {
  const [head, sub] = path;
  if (head === 'name' || head === 'slogan' || head === 'cadence') return { name: [head], label: `fields.${head}` };
  if (head === 'startsOn' || head === 'endsOn') return { name: ['range'], label: 'fields.period' };
  if (head === 'deadlines' && (sub === 'weekday' || sub === 'monthDay' || sub === 'time')) return { name: [sub], label: `fields.${sub}` };
  if (head === 'timeCurve') return { name: null, label: 'sections.curve', section: 'curve' };
  if (head === 'gradingRules') return { name: null, label: 'sections.rules', section: 'rules' };
  return { name: null, label: 'sections.basic' };
}

function SettingsForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation(['campaign', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const save = useSaveCampaign();
  const [summary, setSummary] = useState<{ count: number | null; lines: string[] } | null>(null);
  const [sectionErrors, setSectionErrors] = useState<{ curve?: string; rules?: string }>({});

  const showIssues = (issues: readonly { path: (string | number)[]; message: string }[]) => {
    const sections: { curve?: string; rules?: string } = {};
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    const lines = issues.map((i) => {
      const place = placeOf(i.path);
      if (place.name) fields.push({ name: place.name, errors: [i.message] });
      if (place.section) sections[place.section] = i.message;
      return `${t(place.label as 'fields.name')}：${i.message}`;
    });
    form.setFields(fields as FieldData);
    setSectionErrors(sections);
    setSummary({ count: issues.length, lines });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const onFinish = () => {
    const values = form.getFieldsValue(true) as CampaignFormValues;
    const curve = curveError(values);
    if (curve) return showIssues([{ path: ['timeCurve'], message: curve }]);
    setSummary(null);
    setSectionErrors({});
    save.mutate(
      { id: campaign.id, body: toBody(values) },
      {
        onSuccess: () => void message.success(t('saved')),
        onError: (error) => {
          const issues = error instanceof ApiRequestError ? error.body.issues : undefined;
          if (issues?.length) showIssues(issues);
          else setSummary({ count: null, lines: [errorMessage(error)] });
        },
      },
    );
  };

  const weekdays = t('weekdays', { returnObjects: true }) as string[];

  return (
    <>
      {summary && (
        <Alert
          type="error"
          showIcon
          title={summary.count === null ? t('saveFailed') : t('fixErrors', { count: summary.count })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {summary.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="settings-errors"
          role="alert"
        />
      )}
      <Form<CampaignFormValues> form={form} layout="vertical" initialValues={toValues(campaign)} onFinish={onFinish} onValuesChange={() => {
          setSectionErrors({});
          setSummary(null);
        }} disabled={save.isPending} data-testid="campaign-form">
        <Card size="small" title={t('sections.basic')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col {...COL}>
              <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('fields.name') }) }]}>
                <Input maxLength={200} data-testid="campaign-name" />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="slogan" label={t('fields.slogan')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item name="range" label={t('fields.period')} rules={[{ required: true, message: t('required', { field: t('fields.period') }) }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('sections.cadence')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col {...COL}>
              <Form.Item name="cadence" label={t('fields.cadence')}>
                <Checkbox.Group options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`cadence.${k}`) }))} data-testid="campaign-cadence" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="weekday" label={t('fields.weekday')}>
                <Select options={weekdays.map((label, i) => ({ value: i + 1, label }))} data-testid="campaign-weekday" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="monthDay" label={t('fields.monthDay')}>
                <InputNumber min={1} max={31} precision={0} suffix={t('monthDaySuffix') || undefined} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="time" label={t('fields.time')}>
                <TimePicker format="HH:mm" minuteStep={5} allowClear={false} inputReadOnly style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('sections.curve')} style={{ marginBottom: 12 }} data-testid="curve-section">
          <CurveEditor year={campaign.year} serverError={sectionErrors.curve} />
        </Card>
        <Card size="small" title={t('sections.rules')} style={{ marginBottom: 12 }}>
          <RulesEditor serverError={sectionErrors.rules} />
        </Card>
        <div className="pacer-form-actions">
          <Button onClick={() => form.resetFields()}>{t('common:actions.reset')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-campaign">
            {t('save')}
          </Button>
        </div>
      </Form>
    </>
  );
}

export default function CampaignSettingsPage() {
  const { t } = useTranslation('campaign');
  const campaigns = useCampaigns();
  const [sp, setSp] = useSearchParams();
  const list = campaigns.data ?? [];
  const wanted = Number(sp.get('year')) || new Date().getFullYear();
  const campaign = list.find((c) => c.year === wanted) ?? list.at(-1);
  const tab = sp.get('tab') === 'projects' ? 'projects' : 'settings';

  return (
    <div data-testid="campaign-page" style={{ maxWidth: 1100 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {campaign && (
            <Select
              value={campaign.id}
              onChange={(id) => setSp({ year: String(list.find((c) => c.id === id)!.year), tab })}
              options={list.map((c) => ({ value: c.id, label: `${c.year} · ${c.name}` }))}
              style={{ minWidth: 0, maxWidth: '100%', flex: '1 1 280px' }}
              aria-label={t('campaign')}
            />
          )}
        </div>
      </Card>
      {campaigns.isError && <Alert type="error" showIcon title={errorMessage(campaigns.error)} />}
      {campaigns.isPending && <Spin />}
      {campaigns.data && !campaign && <Empty description={t('none')} />}
      {campaign && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp({ year: String(campaign.year), tab: k })}
          items={[
            { key: 'settings', label: t('tabs.settings'), children: <SettingsForm key={campaign.id} campaign={campaign} /> },
            { key: 'projects', label: t('tabs.projects'), children: <MembersTab key={campaign.id} campaign={campaign} /> },
          ]}
          data-testid="campaign-tabs"
        />
      )}
    </div>
  );
}
