/**
 * 数据导入 (/imports, /imports?job=<id>): templates and upload, then one import followed
 * from reading to result, and the history below. The job lives in the URL, so a reload or
 * a shared link comes back to the same import.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { HistoryCard } from './HistoryCard.tsx';
import { importKeys } from './hooks.ts';
import { JobView } from './JobView.tsx';
import type { UploadOptions } from './mappingDraft.ts';
import { UploadCard, type UploadSettings } from './UploadCard.tsx';

const AUTO: UploadOptions = { kind: 'auto', period: null };

export default function ImportsPage() {
  const { t } = useTranslation('imports');
  const queryClient = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const jobId = sp.get('job');
  const [settings, setSettings] = useState<UploadSettings>({ kind: 'auto', planYear: null, period: null });
  // The upload's choices apply to the import just uploaded, not to one opened from the history.
  const [uploaded, setUploaded] = useState<{ id: string; options: UploadOptions } | null>(null);
  const open = (id: string | null) => setSp(id ? { job: id } : {});

  return (
    <div data-testid="imports-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {jobId ? (
        <JobView key={jobId} id={jobId} options={uploaded?.id === jobId ? uploaded.options : AUTO} onClose={() => open(null)} />
      ) : (
        <UploadCard
          settings={settings}
          onSettings={setSettings}
          onUploaded={(job) => {
            queryClient.setQueryData(importKeys.job(job.id), job);
            void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
            setUploaded({ id: job.id, options: { kind: settings.kind, period: settings.kind === 'projects' ? null : settings.period } });
            open(job.id);
          }}
        />
      )}
      <HistoryCard currentId={jobId} onOpen={open} />
    </div>
  );
}
