/** 投资: total, annual plans against their baselines, funding sources — all typed in 万元. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FUNDING_SOURCES, formatYi, STATISTICS_THRESHOLD_YUAN, wanToYuan, yuanToWanText } from '@pacer/domain';
import { Button, Col, Form, InputNumber, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { termOptions } from '../../../shared/vocabulary.ts';
import { WanInput } from '../../../shared/WanInput.tsx';
import type { Baselines, PlanRow } from './formValues.ts';
import { Field, FormSection, WIDE_COL } from './layout.tsx';

export function InvestmentSection({ baselines, listErrors }: { baselines: Baselines; listErrors: Record<string, string[]> }) {
  const { t } = useTranslation('projects');
  const { locale } = useLocale();
  const totalWan = Form.useWatch<string | null | undefined>('totalInvestmentWan');
  const totalYuan = totalWan ? wanToYuan(totalWan) : null;

  return (
    <FormSection title={t('detail.sections.investment')} testId="form-investment">
      <Field>
        <Form.Item
          name="totalInvestmentWan"
          label={t('fields.totalInvestmentWan')}
          required
          extra={totalYuan !== null ? `${t('form.yiHint', { yi: formatYi(totalYuan, 4, locale) })} · ${t('form.statisticsHint')}` : t('form.statisticsHint')}
        >
          <WanInput data-testid="field-total-investment" />
        </Form.Item>
        {totalYuan !== null && totalYuan < STATISTICS_THRESHOLD_YUAN && <Typography.Text type="warning">{t('detail.inStatisticsNo')}</Typography.Text>}
      </Field>
      <Col {...WIDE_COL}>
        <Typography.Title level={5}>{t('fields.annualPlans')}</Typography.Title>
        <Form.List name="annualPlans">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <PlanRowFields key={field.key} name={field.name} baselines={baselines} onRemove={() => remove(field.name)} />
              ))}
              <Form.ErrorList errors={listErrors.annualPlans} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() })} data-testid="add-plan">
                {t('form.addPlan')}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
      <Col {...WIDE_COL} style={{ marginTop: 24 }}>
        <Typography.Title level={5}>{t('fields.fundingSources')}</Typography.Title>
        <Form.List name="fundingSources">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={16} key={field.key} align="top" className="pacer-list-row">
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'source']} label={t('detail.funding.source')} required>
                      <Select placeholder={t('form.select')} options={termOptions(FUNDING_SOURCES, locale)} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={10}>
                    <Form.Item name={[field.name, 'amountWan']} label={t('detail.funding.amount')} required>
                      <WanInput />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={4}>
                    <RemoveButton onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={listErrors.fundingSources} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-funding">
                {t('form.addFunding')}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
    </FormSection>
  );
}

/** One year's plan; moving it away from the original plan asks for a reason. */
function PlanRowFields({ name, baselines, onRemove }: { name: number; baselines: Baselines; onRemove: () => void }) {
  const { t } = useTranslation('projects');
  const row = Form.useWatch<PlanRow | undefined>(['annualPlans', name]);
  const baseline = row?.year ? baselines.plans.get(row.year) : undefined;
  const amount = row?.amountWan ? wanToYuan(row.amountWan) : null;
  const changed = baseline !== undefined && amount !== null && amount !== baseline;
  return (
    <Row gutter={16} align="top" className="pacer-list-row" data-testid="plan-row">
      <Col xs={24} md={5}>
        <Form.Item name={[name, 'year']} label={t('detail.plans.year')} required>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={20} md={7}>
        <Form.Item
          name={[name, 'amountWan']}
          label={t('fields.annualPlan')}
          required
          extra={baseline !== undefined ? t('form.baselineAmount', { amount: yuanToWanText(baseline) }) : undefined}
        >
          <WanInput />
        </Form.Item>
      </Col>
      <Col xs={4} md={2}>
        <RemoveButton onClick={onRemove} />
      </Col>
      {changed && (
        <Col xs={24} md={10}>
          <Form.Item name={[name, 'changeReason']} label={t('form.changeReason')} required>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('form.changeReasonPlaceholder')} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

export function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('projects');
  return (
    // Aligned with the inputs, below their labels.
    <Form.Item label=" " colon={false}>
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('form.removeRow')} title={t('form.removeRow')} onClick={onClick} />
    </Form.Item>
  );
}
