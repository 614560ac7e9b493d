/**
 * The amounts, in the two ways offices count investment, side by side and labelled:
 * 形象进度口径 (by works built; what key-project figures use) and 财务支出口径 (money paid).
 */
import { formatWan, wanToYuan } from '@pacer/domain';
import { Button, Card, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { WanInput } from '../../../shared/WanInput.tsx';
import { computedPeriodWan } from './formValues.ts';

const COL = { xs: 24, md: 8 } as const;

export function AmountFields({ previousYtd, onRecompute }: { previousYtd: number | null; onRecompute: () => void }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const ytd = Form.useWatch<string | null | undefined>('ytdWan');
  const period = Form.useWatch<string | null | undefined>('periodWan');
  const computed = computedPeriodWan(ytd, previousYtd);
  const ytdYuan = ytd ? wanToYuan(ytd) : null;
  const differs = computed !== null && period !== undefined && period !== null && wanToYuan(period) !== wanToYuan(computed);

  const periodExtra =
    previousYtd === null ? (
      t('fill.periodUnknown')
    ) : (
      <span data-testid="period-formula">
        {t('fill.periodFormula', { ytd: ytdYuan === null ? '—' : formatWan(ytdYuan, 2, locale), previous: formatWan(previousYtd, 2, locale) })}
        {differs && (
          <Button type="link" size="small" onClick={onRecompute} style={{ paddingInline: 4 }} data-testid="recompute-period">
            {t('fill.recompute')}（{formatWan(wanToYuan(computed)!, 2, locale)}）
          </Button>
        )}
      </span>
    );

  return (
    <>
      <Card size="small" title={t('fill.physicalBasis')} style={{ marginBottom: 12 }} data-testid="physical-basis">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('fill.physicalBasisHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col {...COL}>
            <Form.Item name="ytdWan" label={t('fill.ytd')} required>
              <WanInput data-testid="field-ytd" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item name="periodWan" label={t('fill.period_')} required extra={periodExtra}>
              <WanInput data-testid="field-period" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item name="sinceStartWan" label={t('fill.sinceStart')} required>
              <WanInput data-testid="field-since-start" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('fill.paidBasis')} style={{ marginBottom: 12 }} data-testid="paid-basis">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('fill.paidBasisHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col {...COL}>
            <Form.Item name="paidYtdWan" label={t('fill.paidYtd')}>
              <WanInput data-testid="field-paid-ytd" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
