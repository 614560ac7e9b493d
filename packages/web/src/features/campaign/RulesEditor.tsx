/** 等次规则: the thresholds of 优秀 / 良好 / 一般 in points of 进度差, and what makes a grade 较差 outright. */
import { Col, Form, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignFormValues } from './settingsValues.ts';

const COL = { xs: 24, md: 8 } as const;

export function RulesEditor({ serverError }: { serverError?: string }) {
  const { t } = useTranslation('campaign');
  const mode = Form.useWatch<CampaignFormValues['rulesMode']>('rulesMode');
  const custom = mode === 'custom';
  const points = (name: 'excellentMinGap' | 'goodMinGap' | 'fairMinGap') => (
    <Col {...COL}>
      <Form.Item name={['rules', name]} label={t(`rules.${name}`)} rules={[{ required: true, message: t('required', { field: t(`rules.${name}`) }) }]}>
        <InputNumber precision={2} step={1} suffix={t('rules.points')} style={{ width: '100%' }} disabled={!custom} data-testid={`rule-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Form.Item name="rulesMode" style={{ marginBottom: 12 }}>
        <Radio.Group
          options={[
            { value: 'default', label: t('rules.default') },
            { value: 'custom', label: t('rules.custom') },
          ]}
          data-testid="rules-mode"
        />
      </Form.Item>
      {serverError && <Typography.Paragraph type="danger" data-testid="rules-error">{serverError}</Typography.Paragraph>}
      <Row gutter={16}>
        {points('excellentMinGap')}
        {points('goodMinGap')}
        {points('fairMinGap')}
        <Col {...COL}>
          <Form.Item name={['rules', 'poorOverdueDays']} label={t('rules.poorOverdueDays')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={!custom} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name={['rules', 'excellentNeedsNoOverdue']} label={t('rules.excellentNeedsNoOverdue')} valuePropName="checked">
            <Switch disabled={!custom} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item name={['rules', 'missingReportIsPoor']} label={t('rules.missingReportIsPoor')} valuePropName="checked">
            <Switch disabled={!custom} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('rules.summary')}</Typography.Text>
    </>
  );
}
