/**
 * Picks a reporting period: week, month or quarter, with steps back and forward.
 * The value is any day inside the period ('YYYY-MM-DD'); pages normalise it.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/LocaleProvider.tsx';
import { periodText, shiftPeriod, type PickerKind } from './periods.ts';

interface Props<K extends PickerKind> {
  kind: K;
  date: string;
  kinds?: readonly K[];
  onChange: (next: { kind: K; date: string }) => void;
  testId?: string;
}

export function PeriodPicker<K extends PickerKind>({ kind, date, kinds, onChange, testId = 'period-picker' }: Props<K>) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Space wrap size={8} data-testid={testId}>
      {kinds && kinds.length > 1 && (
        <Segmented<K>
          value={kind}
          onChange={(k) => onChange({ kind: k, date })}
          options={kinds.map((k) => ({ value: k, label: t(`periods.${k}`) }))}
          data-testid={`${testId}-kind`}
        />
      )}
      <Space.Compact>
        <Button icon={<LeftOutlined />} aria-label={t('periods.previous')} onClick={() => onChange({ kind, date: shiftPeriod(kind, date, -1) })} data-testid={`${testId}-prev`} />
        <DatePicker
          picker={kind === 'week' ? 'week' : kind}
          allowClear={false}
          value={dayjs(date)}
          format={(d) => periodText(kind, d.format('YYYY-MM-DD'), locale)}
          onChange={(d) => d && onChange({ kind, date: d.format('YYYY-MM-DD') })}
          style={{ minWidth: kind === 'week' ? 230 : 140 }}
          inputReadOnly
          data-testid={`${testId}-date`}
        />
        <Button icon={<RightOutlined />} aria-label={t('periods.next')} onClick={() => onChange({ kind, date: shiftPeriod(kind, date, 1) })} data-testid={`${testId}-next`} />
      </Space.Compact>
    </Space>
  );
}
