/** 填报 (/reports/fill/:projectId?kind=&date=): one project's report for one period. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ReportDto } from '@pacer/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { FullPageSpin } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { deadlineText, isIsoDate, periodText, todayInBeijing } from '../../shared/periods.ts';
import { useProject } from '../projects/hooks.ts';
import { ReportForm } from './fill/ReportForm.tsx';
import { reportKeys, useReportForm } from './hooks.ts';
import type { ReportFormData } from './types.ts';
import { StateTag } from './StateTag.tsx';

export default function ReportFillPage() {
  const { projectId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['reports', 'common']);
  const { locale } = useLocale();
  const kind = searchParams.get('kind') === 'month' ? 'month' : 'week';
  const dateParam = searchParams.get('date');
  const date = isIsoDate(dateParam) ? dateParam : todayInBeijing();
  const form = useReportForm(projectId, kind, date);
  const project = useProject(projectId);
  const queryClient = useQueryClient();
  const onSaved = (saved: ReportDto) =>
    queryClient.setQueryData<ReportFormData>(reportKeys.form(projectId, kind, date), (old) => (old ? { ...old, report: saved, prefill: null } : old));
  // Bumped after a conflict so the form starts again from what the server holds now.
  const [generation, setGeneration] = useState(0);
  const back = `/reports?${new URLSearchParams({ ...(kind === 'month' ? { kind } : {}), date }).toString()}`;

  if (form.isPending) return <FullPageSpin />;
  if (form.isError) {
    return (
      <Result
        status="warning"
        title={t('common:errors.loadFailed')}
        subTitle={errorMessage(form.error)}
        extra={
          <Link to={back}>
            <Button>{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = form.data;
  const report = data.report;
  if (report && (report.status === 'submitted' || report.status === 'approved')) return <Navigate to={`/reports/${report.id}`} replace />;

  return (
    <div data-testid="report-fill-page" style={{ maxWidth: 1100 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Link to={back}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('detail.backToList')}
          </Button>
        </Link>
        <Typography.Title level={4} style={{ margin: '4px 0 8px' }} data-testid="fill-project">
          {report?.projectName ?? project.data?.name ?? t('fill.title')}
        </Typography.Title>
        <Space wrap size={[8, 4]}>
          <Tag color="blue" data-testid="fill-period">
            {periodText(kind, data.period.start, locale)}
          </Tag>
          <StateTag state={report?.status ?? 'missing'} />
          {report && (
            <Typography.Text type="secondary">
              {t('fill.deadline')} {deadlineText(report.deadline, locale)}
            </Typography.Text>
          )}
        </Space>
        {report?.status === 'returned' && report.returnReason && (
          <Alert type="warning" showIcon title={t('fill.returnedBanner', { reason: report.returnReason })} style={{ marginTop: 12 }} data-testid="returned-banner" />
        )}
      </Card>
      <ReportForm
        key={`${generation}`}
        projectId={projectId}
        data={data}
        project={project.data}
        onSaved={onSaved}
        onReload={() => {
          void form.refetch().then(() => setGeneration((g) => g + 1));
        }}
      />
    </div>
  );
}
