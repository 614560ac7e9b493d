/** 上传台账: the templates, what to import (kind, year, month when the sheet lacks them) and the drop zone. */
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportKind } from '@pacer/domain';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Progress, Select, Space, Typography, Upload, type UploadProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { downloadFile } from '../bulletins/download.ts';
import { uploadLedger } from './hooks.ts';
import type { ImportJob } from './types.ts';

export interface UploadSettings {
  kind: ImportKind;
  planYear: number | null;
  period: string | null;
}

interface Props {
  settings: UploadSettings;
  onSettings: (s: UploadSettings) => void;
  onUploaded: (job: ImportJob) => void;
}

export function UploadCard({ settings, onSettings, onUploaded }: Props) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setError(null);
    setPercent(0);
    uploadLedger(file as File, { planYear: settings.planYear }, setPercent).then(
      (job) => {
        onSuccess?.(job);
        setPercent(null);
        onUploaded(job);
      },
      (e: unknown) => {
        onError?.(e as Error);
        setPercent(null);
        setError(errorMessage(e));
      },
    );
  };

  const template = (kind: 'projects' | 'progress') => {
    const params = kind === 'projects' ? { year: settings.planYear ?? undefined } : { period: settings.period ?? undefined };
    downloadFile(`/api/imports/templates/${kind}.xlsx`, params, `${t(`templates.${kind}`)}.xlsx`).catch((e: unknown) => void message.error(errorMessage(e)));
  };

  return (
    <Card size="small" title={t('upload.title')} style={{ marginBottom: 12 }} data-testid="upload-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('templates.title')}：</Typography.Text>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => template('projects')} data-testid="template-projects">
          {t('templates.projects')}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => template('progress')} data-testid="template-progress">
          {t('templates.progress')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('templates.hint')}
        </Typography.Text>
      </Space>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={t('upload.kind')} extra={t(`kindHints.${settings.kind}`)} style={{ maxWidth: 420 }}>
          <Select<ImportKind>
            value={settings.kind}
            onChange={(kind) => onSettings({ ...settings, kind })}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            style={{ width: 160 }}
            data-testid="upload-kind"
          />
        </Form.Item>
        <Form.Item label={t('upload.year')} tooltip={t('upload.yearHint')}>
          <InputNumber min={2000} max={2100} precision={0} value={settings.planYear} onChange={(planYear) => onSettings({ ...settings, planYear })} style={{ width: 100 }} data-testid="upload-year" />
        </Form.Item>
        {settings.kind !== 'projects' && (
          <Form.Item label={t('upload.period')} tooltip={t('upload.periodHint')}>
            <DatePicker
              picker="month"
              value={settings.period ? dayjs(`${settings.period}-01`) : null}
              onChange={(d) => onSettings({ ...settings, period: d ? d.format('YYYY-MM') : null })}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              inputReadOnly
              data-testid="upload-period"
            />
          </Form.Item>
        )}
      </Form>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(file) => {
          if (/\.xlsx$/i.test(file.name)) return true;
          setError(t('upload.onlyXlsx'));
          return Upload.LIST_IGNORE;
        }}
        customRequest={customRequest}
        data-testid="upload-dragger"
      >
        <p className="ant-upload-drag-icon">
          <CloudUploadOutlined />
        </p>
        <p className="ant-upload-text">{t('upload.drop')}</p>
        <p className="ant-upload-hint">{t('upload.hint')}</p>
      </Upload.Dragger>
      {percent !== null && <Progress percent={percent} status="active" format={() => t('upload.sending', { percent })} data-testid="upload-progress" />}
      {error && <Alert type="error" showIcon title={`${t('upload.failed')}：${error}`} style={{ marginTop: 12 }} closable={{ onClose: () => setError(null) }} data-testid="upload-error" />}
    </Card>
  );
}
