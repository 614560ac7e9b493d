/**
 * 三色预警记录: one tag per month, green / yellow / red against the 作战图, grey where the month
 * has not ended or has no report, with a legend saying how a red month turns yellow.
 */
import { formatWan, type Colour, type ColourRecordDto } from '@pacer/domain';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';

export const COLOUR_TAG: Record<Colour, string> = { green: 'green', yellow: 'gold', red: 'red' };

export function ColourTag({ colour, children, testId }: { colour: Colour | null; children: React.ReactNode; testId?: string }) {
  return (
    <Tag color={colour ? COLOUR_TAG[colour] : undefined} data-testid={testId} data-colour={colour ?? 'none'} style={{ marginInlineEnd: 0, minWidth: 44, textAlign: 'center' }}>
      {children}
    </Tag>
  );
}

export function ColourStrip({ record }: { record: ColourRecordDto }) {
  const { t } = useTranslation('battlePlan');
  const { locale } = useLocale();
  return (
    <div data-testid="colour-record">
      <Typography.Text strong>{t('record.title')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {t('record.asOf', { date: record.asOf })}
      </Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '8px 0' }}>
        {record.months.map((m) => (
          <Tooltip
            key={m.month}
            title={
              m.actualYuan === null
                ? `${t('monthName', { month: m.month })}：${t('record.none')}`
                : t('record.monthTip', { month: m.month, planned: formatWan(m.plannedYuan, 2, locale), actual: formatWan(m.actualYuan, 2, locale), missed: m.missedMilestones ?? 0 })
            }
          >
            <span>
              <ColourTag colour={m.colour} testId={`colour-month-${m.month}`}>
                {t('monthName', { month: m.month })}
              </ColourTag>
            </span>
          </Tooltip>
        ))}
      </div>
      <ul className="pacer-legend" data-testid="colour-legend" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'grid', gap: 4 }}>
        {(['green', 'red', 'yellow'] as const).map((c) => (
          <li key={c}>
            <ColourTag colour={c}>{t(`record.short.${c}`)}</ColourTag>{' '}
            <Typography.Text type="secondary">{t(`record.legend.${c}`)}</Typography.Text>
          </li>
        ))}
        <li>
          <ColourTag colour={null}>—</ColourTag> <Typography.Text type="secondary">{t('record.legend.none')}</Typography.Text>
        </li>
      </ul>
    </div>
  );
}
