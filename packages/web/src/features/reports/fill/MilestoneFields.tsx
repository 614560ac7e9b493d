/**
 * 节点完成情况: the project's milestones still open, each with the date it was reached.
 * Milestones already recorded as done are shown for context and not asked again.
 */
import { MILESTONE_KINDS, type ProjectDetail } from '@pacer/domain';
import { Card, Col, DatePicker, Form, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';

export function MilestoneFields({ project, reported }: { project: ProjectDetail | undefined; reported: readonly string[] }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const milestones = project?.milestones ?? [];
  // Done before this report: recorded on the project and not part of what this report says.
  const done = milestones.filter((m) => m.actualDate && !reported.includes(m.kind));
  const open = milestones.filter((m) => !done.includes(m));
  return (
    <Card size="small" title={t('fill.milestones')} style={{ marginBottom: 12 }} data-testid="milestone-fields">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('fill.milestonesHint')}
      </Typography.Paragraph>
      {milestones.length === 0 && <Typography.Text type="secondary">{t('fill.noMilestones')}</Typography.Text>}
      <Row gutter={16}>
        {open.map((m) => (
          <Col xs={24} sm={12} md={8} key={m.kind}>
            <Form.Item
              name={['milestones', m.kind]}
              label={MILESTONE_KINDS.label(m.kind, locale)}
              extra={m.plannedDate ? t('fill.planned', { date: m.plannedDate }) : undefined}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid={`milestone-${m.kind}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {done.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {done.map((m) => (
            <Tag key={m.kind} color="green">
              {MILESTONE_KINDS.label(m.kind, locale)} · {t('fill.done', { date: m.actualDate })}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
