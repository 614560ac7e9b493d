/** 等次分布: how many projects got each grade, as coloured counts and a proportional bar. */
import { GRADES } from '@pacer/domain';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { GRADE_CHART_COLOURS, gradeLabel } from '../../shared/figures.tsx';
import type { Distribution as Counts } from './types.ts';

const KEYS = [...GRADES, 'none'] as const;

export function Distribution({ value }: { value: Counts }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const total = KEYS.reduce((n, k) => n + value[k], 0) || 1;
  const name = (k: (typeof KEYS)[number]) => (k === 'none' ? t('grades.none') : gradeLabel(k, locale));
  const shown = KEYS.filter((k) => k !== 'none' || value.none > 0);
  return (
    <div data-testid="grade-distribution">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
        {shown.map((k) => (
          <div key={k} className="pacer-stat" style={{ borderTopColor: GRADE_CHART_COLOURS[k] }} data-testid={`distribution-${k}`}>
            <div className="pacer-stat-label">{name(k)}</div>
            <div className="pacer-stat-value">{value[k]}</div>
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden' }} aria-hidden>
        {shown.map((k) => (
          <Tooltip key={k} title={`${name(k)} ${value[k]}`}>
            <div style={{ width: `${(value[k] / total) * 100}%`, background: GRADE_CHART_COLOURS[k] }} />
          </Tooltip>
        ))}
      </div>
    </div>
  );
}
