/** The small labels meetings show everywhere: kind, status, agenda section. */
import type { AgendaSection, MeetingKind, MeetingStatus } from '@pacer/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLOURS: Record<MeetingKind, string> = { daily: 'orange', weekly: 'blue', monthly: 'geekblue', quarterly: 'purple', tour: 'green' };
const SECTION_COLOURS: Record<AgendaSection, string> = { lagging: 'red', overdue_problem: 'volcano', missing_report: 'gold', chair_project: 'blue', other: 'default' };

export function KindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation('meetings');
  return <Tag color={KIND_COLOURS[kind]}>{t(`kinds.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  return <Tag color={status === 'held' ? 'green' : 'default'}>{t(`statuses.${status}`)}</Tag>;
}

export function SectionTag({ section }: { section: AgendaSection }) {
  const { t } = useTranslation('meetings');
  return <Tag color={SECTION_COLOURS[section]}>{t(`sections.${section}`)}</Tag>;
}
