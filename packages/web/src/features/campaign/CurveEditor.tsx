/** 时序进度曲线: linear by default, or month-end anchors with the resulting month-end progress beside them. */
import { Button, Form, InputNumber, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { curveError, curveOf, monthEndProgress, QUARTER_PRESET, type CampaignFormValues } from './settingsValues.ts';

export function CurveEditor({ year, serverError }: { year: number; serverError?: string }) {
  const { t } = useTranslation('campaign');
  const narrow = useIsNarrow();
  const form = Form.useFormInstance<CampaignFormValues>();
  const mode = Form.useWatch('curveMode', form);
  const anchors = (Form.useWatch('anchors', form) ?? []) as (number | null)[];
  const problem = curveError({ curveMode: mode ?? 'linear', anchors }) ?? serverError;
  const invalid = mode === 'custom' && curveError({ curveMode: 'custom', anchors }) !== null;
  // No preview for a curve that cannot be used: showing the linear one instead would mislead.
  const progress = invalid ? null : monthEndProgress(mode === 'custom' ? curveOf(anchors) : null, year);

  return (
    <>
      <Form.Item name="curveMode" style={{ marginBottom: 12 }}>
        <Radio.Group
          options={[
            { value: 'linear', label: t('curve.linear') },
            { value: 'custom', label: t('curve.custom') },
          ]}
          data-testid="curve-mode"
        />
      </Form.Item>
      {mode === 'custom' && (
        <>
          <Typography.Paragraph type="secondary">{t('curve.anchorHint')}</Typography.Paragraph>
          <Button size="small" style={{ marginBottom: 8 }} onClick={() => form.setFieldValue('anchors', [...QUARTER_PRESET])}>
            {t('curve.preset')}
          </Button>
        </>
      )}
      {problem && <Typography.Paragraph type="danger" data-testid="curve-error">{problem}</Typography.Paragraph>}
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        scroll={narrow ? { x: 'max-content' } : undefined}
        style={{ maxWidth: 640 }}
        dataSource={Array.from({ length: 12 }, (_, i) => ({ month: i + 1 }))}
        columns={[
          { key: 'month', title: t('curve.month'), width: 80, render: (_, r) => t('curve.monthName', { month: r.month }) },
          ...(mode === 'custom'
            ? [
                {
                  key: 'anchor',
                  title: t('curve.anchor'),
                  render: (_: unknown, r: { month: number }) => (
                    <Form.Item name={['anchors', r.month - 1]} style={{ marginBottom: 0 }}>
                      <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 140 }} data-testid={`anchor-${r.month}`} />
                    </Form.Item>
                  ),
                },
              ]
            : []),
          { key: 'effective', title: t('curve.effective'), width: 150, align: 'right' as const, render: (_, r) => (progress ? `${progress[r.month - 1]!.toFixed(2)}%` : '—') },
        ]}
      />
    </>
  );
}
