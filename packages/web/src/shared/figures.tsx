/**
 * The figures every campaign page shows the same way: 完成率 as a percentage with two
 * decimals, 进度差 in points coloured by side (behind = red), the weekly grade, the
 * three-colour code and a rank's movement since last week.
 */
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { Colour } from '@pacer/domain';
import { GRADE_LABELS, wanToYuan, YUAN_PER_WAN, type Grade, type Locale } from '@pacer/domain/vocabulary';
import { Badge, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/LocaleProvider.tsx';

/** Figures arrive from the stats API in 万元 (a number); the money helpers take integer 元. */
export function wanToYuanNumber(wan: number): number {
  return wanToYuan(wan) ?? Math.round(wan * YUAN_PER_WAN);
}

/** One formatter per locale: toLocaleString would build a new one for every figure (a board shows hundreds). */
const twoDecimals = new Map<Locale, Intl.NumberFormat>();
const fixed = (v: number, locale: Locale) => {
  let format = twoDecimals.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    twoDecimals.set(locale, format);
  }
  return format.format(v);
};

export function percentText(value: number | null | undefined, locale: Locale = 'zh-CN'): string {
  return value === null || value === undefined ? '—' : `${fixed(value, locale)}%`;
}

export function Percent({ value }: { value: number | null | undefined }) {
  const { locale } = useLocale();
  return <span className="pacer-money">{percentText(value, locale)}</span>;
}

/** 进度差: +4.98 ahead (green), −8.30 behind (red). */
export function GapPoints({ value }: { value: number | null | undefined }) {
  const { locale } = useLocale();
  if (value === null || value === undefined) return <span className="pacer-money">—</span>;
  const cls = value < 0 ? 'pacer-behind' : 'pacer-ahead';
  return <span className={`pacer-money ${cls}`}>{`${value > 0 ? '+' : value < 0 ? '−' : ''}${fixed(Math.abs(value), locale)}`}</span>;
}

export const GRADE_COLOURS: Record<Grade, string> = { excellent: 'success', good: 'processing', fair: 'warning', poor: 'error' };
export const GRADE_CHART_COLOURS: Record<Grade | 'none', string> = { excellent: '#52c41a', good: '#1677ff', fair: '#faad14', poor: '#ff4d4f', none: '#bfbfbf' };

export const gradeLabel = (grade: Grade, locale: Locale) => (locale === 'en-US' ? GRADE_LABELS[grade].en : GRADE_LABELS[grade].zh);

export function GradeTag({ grade, testId }: { grade: Grade | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!grade) return <Tag data-testid={testId}>{t('grades.none')}</Tag>;
  return (
    <Tag color={GRADE_COLOURS[grade]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {gradeLabel(grade, locale)}
    </Tag>
  );
}

const DOT: Record<Colour, string> = { green: '#52c41a', yellow: '#fadb14', red: '#f5222d' };

/** 三色预警 dot with its name for screen readers and a tooltip. */
export function ColourDot({ colour }: { colour: Colour | null | undefined }) {
  const { t } = useTranslation();
  if (!colour) return <span aria-label={t('colours.none')}>—</span>;
  return (
    <Tooltip title={t(`colours.${colour}`)}>
      <Badge color={DOT[colour]} text={<span className="pacer-sr-only">{t(`colours.${colour}`)}</span>} data-testid={`colour-${colour}`} />
    </Tooltip>
  );
}

/** Places gained (↑) or lost (↓) since last week's board. */
export function Movement({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <span className="pacer-muted">{t('movement.new')}</span>;
  if (value === 0) return <MinusOutlined aria-label={t('movement.same')} className="pacer-muted" />;
  const up = value > 0;
  return (
    <span className={up ? 'pacer-ahead' : 'pacer-behind'} aria-label={t(up ? 'movement.up' : 'movement.down', { n: Math.abs(value) })}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(value)}
    </span>
  );
}
