/** How a problem's state, severity, dispatch level and deadline read everywhere they appear. */
import type { ProblemSeverity, ProblemState } from '@pacer/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_COLOURS: Record<ProblemState, string> = { raised: 'gold', assigned: 'orange', signed: 'processing', replied: 'purple', reviewed: 'cyan', closed: 'success' };
const SEVERITY_COLOURS: Record<ProblemSeverity, string | undefined> = { normal: undefined, major: 'orange', urgent: 'red' };
const LEVEL_COLOURS = { 1: undefined, 2: 'orange', 3: 'red' } as const;

/** 调度层级 1–3 (anything else reads as the first). */
export const levelOf = (level: number): 1 | 2 | 3 => (level === 2 || level === 3 ? level : 1);

export function ProblemStateTag({ state }: { state: ProblemState }) {
  const { t } = useTranslation('problems');
  return (
    <Tag color={STATE_COLOURS[state]} style={{ marginInlineEnd: 0 }} data-testid="problem-state">
      {t(`states.${state}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: ProblemSeverity }) {
  const { t } = useTranslation('problems');
  return (
    <Tag color={SEVERITY_COLOURS[severity]} style={{ marginInlineEnd: 0 }}>
      {t(`severities.${severity}`)}
    </Tag>
  );
}

/** 调度层级: level 1 is the everyday case and stays quiet; 2 and 3 stand out. */
export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation('problems');
  const l = levelOf(level);
  return (
    <Tooltip title={t(`levelHints.l${l}`)}>
      <Tag color={LEVEL_COLOURS[l]} style={{ marginInlineEnd: 0 }} data-testid="problem-level">
        {t(`levels.l${l}`)}
      </Tag>
    </Tooltip>
  );
}

/** The deadline with the working days left, red once overdue. */
export function DeadlineText({ deadline, workingDaysLeft, overdue }: { deadline: string | null; workingDaysLeft: number | null; overdue: boolean }) {
  const { t } = useTranslation('problems');
  if (!deadline) return <span className="pacer-muted">{t('deadline.none')}</span>;
  let hint: string | null = null;
  if (overdue) hint = t('deadline.overdue', { n: Math.max(1, -(workingDaysLeft ?? 0)) });
  else if (workingDaysLeft === 0) hint = t('deadline.today');
  else if (workingDaysLeft !== null && workingDaysLeft > 0) hint = t('deadline.left', { n: workingDaysLeft });
  return (
    <span className={overdue ? 'pacer-overdue' : undefined} data-testid="problem-deadline">
      <span className="pacer-money">{deadline}</span>
      {hint && <span style={{ fontSize: 12, marginInlineStart: 6 }}>{hint}</span>}
    </span>
  );
}
