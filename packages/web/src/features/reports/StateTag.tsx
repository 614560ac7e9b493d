/** The state of a period's report as a coloured tag, and the late / overdue marks beside it. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportState } from './types.ts';

const COLOURS: Record<ReportState, string> = { missing: 'default', draft: 'gold', submitted: 'processing', returned: 'error', approved: 'success' };

export function StateTag({ state }: { state: ReportState }) {
  const { t } = useTranslation('reports');
  return (
    <Tag color={COLOURS[state]} data-testid={`state-${state}`} style={{ marginInlineEnd: 0 }}>
      {t(`states.${state}`)}
    </Tag>
  );
}

export function Marks({ late, overdue, flags }: { late: boolean; overdue: boolean; flags: number }) {
  const { t } = useTranslation('reports');
  if (!late && !overdue && !flags) return null;
  return (
    <Space size={4} wrap>
      {late && <Tag color="orange">{t('marks.late')}</Tag>}
      {overdue && <Tag color="red">{t('marks.overdue')}</Tag>}
      {flags > 0 && <Tag color="blue">{t('marks.flags', { count: flags })}</Tag>}
    </Space>
  );
}
