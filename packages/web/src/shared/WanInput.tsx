/**
 * Amount typed in 万元. The value stays a decimal string (stringMode) until wanToYuan
 * turns it into integer 元, so "0.1" never becomes 999.9999999 元 on the way.
 */
import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

export function WanInput(props: Omit<InputNumberProps<string>, 'stringMode'>) {
  const { t } = useTranslation();
  return (
    <InputNumber<string>
      stringMode
      min="0"
      controls={false}
      inputMode="decimal"
      suffix={t('units.wan')}
      placeholder={t('units.amount')}
      style={{ width: '100%' }}
      {...props}
    />
  );
}
