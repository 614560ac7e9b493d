/** 版本记录: every save, submit, return and approval, who and when, with the figures at that point. */
import { formatWan, type ReportDto } from '@pacer/domain';
import { Alert, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { useReportVersions } from './hooks.ts';

const COLOURS = { save: 'gray', submit: 'blue', return: 'red', approve: 'green' } as const;

export function VersionHistory({ reportId }: { reportId: string }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const versions = useReportVersions(reportId);
  if (versions.isError) return <Alert type="error" showIcon title={errorMessage(versions.error)} />;
  if (versions.data && !versions.data.length) return <Empty />;
  const list = [...(versions.data ?? [])].reverse();
  return (
    <Timeline
      data-testid="version-history"
      items={list.map((v) => {
        const d = v.data as Partial<ReportDto>;
        const note = v.action === 'return' ? d.returnReason : v.action === 'approve' ? d.reviewNote : null;
        return {
          key: v.version,
          color: COLOURS[v.action] ?? 'gray',
          content: (
            <div data-testid="version-item">
              <Typography.Text strong>{t(`detail.actionsLabel.${v.action}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {'　'}
                {t('detail.version', { version: v.version })} · {dayjs(v.at).format('YYYY-MM-DD HH:mm')} · {v.userName ?? t('detail.system')}
              </Typography.Text>
              {typeof d.ytdYuan === 'number' && (
                <div className="pacer-muted" style={{ fontSize: 12 }}>
                  {t('detail.figures', { ytd: formatWan(d.ytdYuan, 2, locale), period: formatWan(d.periodYuan ?? 0, 2, locale) })}
                </div>
              )}
              {note && <div style={{ fontSize: 13 }}>{note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
