/**
 * 问题详情 (/problems/:id): the facts, what it waits for, the buttons the user may press now,
 * a waiting deadline extension, and the whole history of steps.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { FullPageSpin } from '../../app/auth.tsx';
import { ActionBar } from './actions/ActionBar.tsx';
import { useProblem } from './hooks.ts';
import { ProblemFacts } from './ProblemFacts.tsx';
import { LevelTag, ProblemStateTag, SeverityTag } from './ProblemTags.tsx';
import { ProblemTimeline } from './ProblemTimeline.tsx';
import './problems.css';

export default function ProblemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['problems', 'common']);
  const problem = useProblem(id);

  if (problem.isPending) return <FullPageSpin />;
  if (problem.isError) {
    const missing = problem.error instanceof ApiRequestError && [400, 404].includes(problem.error.status);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : t('common:errors.loadFailed')}
        subTitle={missing ? undefined : errorMessage(problem.error)}
        extra={
          <Link to="/problems">
            <Button>{t('detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  const p = problem.data;
  const ext = p.pendingExtension;

  return (
    <div data-testid="problem-detail" style={{ maxWidth: 1100 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Link to="/problems">
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('detail.back')}
          </Button>
        </Link>
        <Typography.Title level={4} style={{ margin: '4px 0 8px' }} data-testid="problem-heading">
          <span className="pacer-muted">#{p.number}</span> {p.title}
        </Typography.Title>
        <Space wrap size={[6, 6]} style={{ marginBottom: 12 }} data-testid="problem-status">
          <ProblemStateTag state={p.state} />
          <SeverityTag severity={p.severity} />
          <LevelTag level={p.level} />
          {p.state !== 'closed' && <Typography.Text type="secondary">{t('detail.waiting', { who: t(`detail.waitingFor.${p.state}`) })}</Typography.Text>}
        </Space>
        {ext && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('detail.pendingExtension', { org: ext.requestedOrgName ?? ext.requestedBy ?? '', from: ext.previousDeadline, to: ext.requestedDeadline, reason: ext.reason })}
            data-testid="pending-extension"
          />
        )}
        <ActionBar problem={p} onReload={() => void problem.refetch()} />
      </Card>
      <Card size="small" title={t('detail.facts')} style={{ marginBottom: 12 }}>
        <ProblemFacts problem={p} />
      </Card>
      <Card size="small" title={t('detail.timeline')}>
        <ProblemTimeline problem={p} />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'right', marginBottom: 0, fontSize: 12 }}>
          {t('detail.version', { version: p.version, time: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
