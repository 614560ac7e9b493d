/** 办理过程: every step with who, which unit, when, the note and its photos, oldest first. */
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemPhotos } from './ProblemPhotos.tsx';
import { levelOf } from './ProblemTags.tsx';
import type { ProblemDetail } from './types.ts';

type ProblemEvent = ProblemDetail['events'][number];

const COLOURS: Record<string, string> = { sendBack: 'red', reopen: 'red', refuseExtension: 'red', escalate: 'red', chase: 'orange', confirm: 'green', solveOnSpot: 'green', recheck: 'green' };

/** What a step's data adds to its line: the assignment, a deadline change, the level reached. */
function useDetailLine() {
  const { t } = useTranslation('problems');
  return (e: ProblemEvent): string | null => {
    const d = e.data;
    if (e.action === 'assign' && typeof d.deadline === 'string') return t('detail.assignedTo', { lead: (d.lead as { name?: string } | undefined)?.name ?? '', deadline: d.deadline });
    if (e.action.endsWith('Extension') && typeof d.from === 'string' && typeof d.to === 'string') return t('detail.deadlineChange', { from: d.from, to: d.to });
    if (e.action === 'escalate' && typeof d.to === 'number') return t('detail.escalatedTo', { level: t(`levels.l${levelOf(d.to)}`) });
    return null;
  };
}

export function ProblemTimeline({ problem }: { problem: ProblemDetail }) {
  const { t, i18n } = useTranslation('problems');
  const detailLine = useDetailLine();
  const actionLabel = (e: ProblemEvent) => (i18n.exists(`problems:actions.${e.action}`) ? t(`actions.${e.action}` as 'actions.assign') : e.label);
  const photosOf = (e: ProblemEvent) => problem.photos.filter((p) => e.photoIds.includes(p.id));

  return (
    <Timeline
      data-testid="problem-timeline"
      items={problem.events.map((e) => {
        const who = e.userName ?? t('detail.system');
        const line = detailLine(e);
        return {
          key: e.id,
          color: COLOURS[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-event" data-action={e.action}>
              <Typography.Text strong>{actionLabel(e)}</Typography.Text>
              <span className="pacer-muted" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {who}
                {e.orgName && e.orgName !== who ? ` · ${e.orgName}` : ''} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              </span>
              {line && <div style={{ fontSize: 13 }}>{line}</div>}
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              <ProblemPhotos photos={photosOf(e)} />
            </div>
          ),
        };
      })}
    />
  );
}
