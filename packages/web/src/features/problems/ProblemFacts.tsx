/** The facts of a problem: what, where, who raised it, who handles it, by when, at which level. */
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { ProblemPhotos } from './ProblemPhotos.tsx';
import { DeadlineText, LevelTag, levelOf, SeverityTag } from './ProblemTags.tsx';
import type { ProblemDetail } from './types.ts';

export function ProblemFacts({ problem: p }: { problem: ProblemDetail }) {
  const { t } = useTranslation('problems');
  const narrow = useIsNarrow();
  // Photos not named by any step were raised with the problem.
  const inSteps = new Set(p.events.flatMap((e) => e.photoIds));
  const own = p.photos.filter((ph) => !inSteps.has(ph.id));
  return (
    <Descriptions size="small" bordered column={narrow ? 1 : 2} data-testid="problem-facts">
      <Descriptions.Item label={t('detail.description')} span={narrow ? 1 : 2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.description}</Typography.Paragraph>
        <ProblemPhotos photos={own} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.project')}>
        {p.projectId ? (
          <Link to={`/projects/${p.projectId}`} data-testid="problem-project">
            {p.projectName}
          </Link>
        ) : (
          <span className="pacer-muted">{t('detail.noProject')}</span>
        )}
        {p.regionName && <span className="pacer-muted"> · {p.regionName}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.type')}>
        {t(`types.${p.type}`)} · <SeverityTag severity={p.severity} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.source')}>
        {t(`sources.${p.source}`)}
        {p.serviceTeam && ` · ${p.serviceTeam.name}`}
        {p.reportId && (
          <>
            {' · '}
            <Link to={`/reports/${p.reportId}`}>{t('detail.openReport')}</Link>
          </>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.raisedBy')}>
        {[p.raisedBy, p.raiserOrgName].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ') || '—'} · {p.raisedOn}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.lead')}>{p.lead?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('detail.coHandlers')}>{p.coHandlers.map((c) => c.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('detail.deadline')}>
        <DeadlineText deadline={p.deadline} workingDaysLeft={p.workingDaysLeft} overdue={p.overdue} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.level')}>
        <LevelTag level={p.level} /> <span className="pacer-muted">{t(`levelHints.l${levelOf(p.level)}`)}</span>
      </Descriptions.Item>
      {p.closedOn && (
        <Descriptions.Item label={t('detail.closedOn')}>
          {p.closedOn}
          {p.solvedOnSpot && ` · ${t('detail.solvedOnSpot')}`}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
