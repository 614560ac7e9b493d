/**
 * One import from upload to result: the steps, a progress bar while the server works (the job
 * is polled), the mapping and dry run, the commit, and the outcome with rollback.
 */
import { DeleteOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Progress, Result, Space, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { useCommitImport, useConfirmMapping, useDiscardImport, useImportJob, useRollbackImport } from './hooks.ts';
import { fileSizeText, isRunning, progressPercent, stepOf } from './jobState.ts';
import { changedSincePreview, draftOf, mappingBody, type MappingDraft, type UploadOptions } from './mappingDraft.ts';
import { MappingEditor } from './MappingEditor.tsx';
import { CountsGrid, PreviewPanel } from './PreviewPanel.tsx';
import { RowsTable } from './RowsTable.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { ImportJob } from './types.ts';

interface Props {
  id: string;
  options: UploadOptions;
  onClose: () => void;
}

export function JobView({ id, options, onClose }: Props) {
  const { t } = useTranslation('imports');
  const job = useImportJob(id);
  if (job.isError) {
    const missing = job.error instanceof ApiRequestError && job.error.status === 404;
    return <Result status="warning" title={missing ? t('job.notFound') : errorMessage(job.error)} extra={<Button onClick={onClose}>{t('job.another')}</Button>} />;
  }
  if (!job.data) return <Spin style={{ display: 'block', margin: 24 }} />;
  return <JobBody job={job.data} options={options} onClose={onClose} />;
}

function JobBody({ job, options, onClose }: { job: ImportJob; options: UploadOptions; onClose: () => void }) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const discard = useDiscardImport();
  const step = stepOf(job);
  const stepKeys = ['upload', 'mapping', 'preview', 'commit', 'done'] as const;
  const canDiscard = ['mapping', 'previewed', 'failed'].includes(job.status);

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="job-card">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
          <Typography.Text strong style={{ flex: '1 1 auto', wordBreak: 'break-all' }} data-testid="job-file">
            {job.fileName}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              {fileSizeText(job.fileSize)}
            </Typography.Text>
          </Typography.Text>
          <StatusTag status={job.status} />
          <Space wrap size={4}>
            {canDiscard && (
              <Popconfirm
                title={t('job.discard')}
                description={t('job.discardConfirm')}
                onConfirm={() =>
                  discard.mutate(job.id, {
                    onSuccess: () => {
                      void message.success(t('job.discarded'));
                      onClose();
                    },
                    onError: (e) => void message.error(errorMessage(e)),
                  })
                }
              >
                <Button size="small" icon={<DeleteOutlined />} loading={discard.isPending} data-testid="discard-import">
                  {t('job.discard')}
                </Button>
              </Popconfirm>
            )}
            <Button size="small" icon={<PlusOutlined />} onClick={onClose} data-testid="import-another">
              {t('job.another')}
            </Button>
          </Space>
        </div>
        <Steps
          size="small"
          current={step}
          status={job.status === 'failed' ? 'error' : step === 4 ? 'finish' : 'process'}
          items={stepKeys.map((k) => ({ title: t(`steps.${k}`) }))}
        />
        {isRunning(job.status) && <JobProgress job={job} />}
        {job.status === 'failed' && job.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('job.failed')} description={job.error} data-testid="job-error" />}
      </Card>
      {job.sheets.length > 0 && ['mapping', 'previewing', 'previewed', 'failed'].includes(job.status) && <Workspace key={job.id} job={job} options={options} />}
      {job.status === 'failed' && !job.sheets.length && (
        <Button type="primary" onClick={onClose}>
          {t('job.reupload')}
        </Button>
      )}
      {['committing', 'committed', 'rolling_back', 'rolled_back'].includes(job.status) && <Outcome job={job} />}
    </>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const percent = progressPercent(job.progress);
  return (
    <div style={{ marginTop: 12 }} data-testid="job-progress">
      <Typography.Text type="secondary">
        {job.stage ?? t(`statuses.${job.status}`)}
        {job.progress.total > 0 && ` · ${t('job.progress', { done: job.progress.done, total: job.progress.total })}`}
      </Typography.Text>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} />
    </div>
  );
}

/** The mapping (with the person's draft) and, once previewed, the dry run with the commit. */
function Workspace({ job, options }: { job: ImportJob; options: UploadOptions }) {
  const [draft, setDraft] = useState<MappingDraft>(() => draftOf(job, options));
  const confirm = useConfirmMapping(job.id);
  const commit = useCommitImport(job.id);
  const busy = isRunning(job.status) || confirm.isPending || commit.isPending;
  return (
    <>
      <MappingEditor
        job={job}
        draft={draft}
        onDraft={setDraft}
        busy={busy}
        sending={confirm.isPending || job.status === 'previewing'}
        error={confirm.error ? errorMessage(confirm.error) : null}
        onPreview={() => confirm.mutate(mappingBody(job, draft))}
      />
      {job.status === 'previewed' && (
        <PreviewPanel
          job={job}
          changed={changedSincePreview(job, draft)}
          committing={commit.isPending}
          // A commit refused while running (data changed since the dry run) comes back on the job.
          error={commit.error ? errorMessage(commit.error) : job.error}
          onCommit={(accept) => commit.mutate(accept)}
        />
      )}
    </>
  );
}

/** After the commit: what was written, the rows with links to their projects, and the rollback. */
function Outcome({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const rollback = useRollbackImport();
  if (job.status === 'committing') return null;
  if (job.status === 'rolled_back' || job.status === 'rolling_back') {
    return job.status === 'rolled_back' ? <Result status="info" title={t('result.rolledBack')} subTitle={t('result.rolledBackSub')} data-testid="import-rolled-back" /> : null;
  }
  const c = job.counts;
  return (
    <Card size="small" data-testid="import-result">
      <Result
        status="success"
        title={t('result.committed')}
        subTitle={t('result.committedSub', { created: c.created, updated: c.updated, reports: c.reportsCreated + c.reportsUpdated })}
        extra={[
          <Link key="projects" to="/projects">
            <Button type="primary">{t('result.viewProjects')}</Button>
          </Link>,
          <Popconfirm
            key="rollback"
            title={t('history.rollbackTitle')}
            description={<div style={{ maxWidth: 320 }}>{t('history.rollbackBody')}</div>}
            onConfirm={() => rollback.mutate(job.id, { onError: (e) => void message.error(errorMessage(e)) })}
          >
            <Button danger icon={<RollbackOutlined />} loading={rollback.isPending} data-testid="rollback-import">
              {t('history.rollback')}
            </Button>
          </Popconfirm>,
        ]}
      />
      <CountsGrid counts={c} />
      {job.error && <Alert type="error" showIcon title={job.error} style={{ marginBottom: 12 }} />}
      <RowsTable jobId={job.id} counts={c} />
    </Card>
  );
}
