/**
 * Amounts as the offices read them: 万元 with thousands separators and two decimals,
 * 亿元 for totals. The value underneath is always integer 元 (see @pacer/domain money.ts).
 */
import { formatWan, formatYi } from '@pacer/domain/vocabulary';
import { useLocale } from '../app/LocaleProvider.tsx';

export function Money({ yuan, unit = 'wan', decimals = 2 }: { yuan: number | null | undefined; unit?: 'wan' | 'yi'; decimals?: number }) {
  const { locale } = useLocale();
  const text = unit === 'yi' ? formatYi(yuan, decimals, locale) : formatWan(yuan, decimals, locale);
  return <span className="pacer-money">{text}</span>;
}
