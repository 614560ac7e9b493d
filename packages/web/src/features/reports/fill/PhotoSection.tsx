/**
 * 现场照片: uploaded to the saved report (the photo belongs to it), shown as thumbnails
 * with the time taken. The server checks each file by content and says why it refuses one.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { i18n } from '../../../app/i18n.ts';
import { reportKeys, useDeletePhoto, useReportPhotos } from '../hooks.ts';
import type { ReportPhoto } from '../types.ts';

const MAX_PHOTOS = 9;

async function uploadPhoto(reportId: string, file: File): Promise<ReportPhoto> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/reports/${reportId}/photos`, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, { error: 'network', message: i18n.t('errors.network') });
  }
  const payload = (await response.json().catch(() => null)) as { message?: string; error?: string } | null;
  if (!response.ok) {
    throw new ApiRequestError(response.status, {
      error: payload?.error ?? 'http',
      message: payload?.message ?? i18n.t('errors.server', { status: response.status }),
    });
  }
  return payload as ReportPhoto;
}

export function PhotoSection({ reportId, editable }: { reportId: string | null; editable: boolean }) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const photos = useReportPhotos(reportId);
  const remove = useDeletePhoto(reportId ?? '');
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [lastError, setLastError] = useState<string | null>(null);

  const saved: UploadFile[] = (photos.data ?? []).map((p) => ({
    uid: p.id,
    name: p.takenAt ? t('fill.takenAt', { time: dayjs(p.takenAt).format('YYYY-MM-DD HH:mm') }) : (p.caption ?? p.id),
    status: 'done',
    url: p.url,
    thumbUrl: p.url,
  }));

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File & { uid: string };
    setLastError(null);
    setUploading((list) => [...list, { uid: f.uid, name: f.name, status: 'uploading' }]);
    uploadPhoto(reportId!, f).then(
      (photo) => {
        onSuccess?.(photo);
        setUploading((list) => list.filter((u) => u.uid !== f.uid));
        void queryClient.invalidateQueries({ queryKey: reportKeys.photos(reportId!) });
      },
      (error: unknown) => {
        onError?.(error as Error);
        setUploading((list) => list.filter((u) => u.uid !== f.uid));
        setLastError(errorMessage(error));
      },
    );
  };

  return (
    <Card size="small" title={t('fill.photos')} style={{ marginBottom: 12 }} data-testid="photo-section">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {reportId ? t('fill.photosHint') : t('fill.photosAfterSave')}
      </Typography.Paragraph>
      {lastError && <Alert type="error" showIcon closable={{ onClose: () => setLastError(null) }} title={`${t('fill.uploadFailed')}：${lastError}`} style={{ marginBottom: 8 }} data-testid="photo-error" />}
      {reportId && (
        <Upload
          listType="picture-card"
          accept="image/jpeg,image/png,image/webp"
          multiple
          fileList={[...saved, ...uploading]}
          customRequest={customRequest}
          disabled={!editable}
          showUploadList={{ showRemoveIcon: editable }}
          onRemove={(file) =>
            new Promise<boolean>((resolve) =>
              remove.mutate(file.uid, {
                onSuccess: () => {
                  void message.success(t('fill.photoDeleted'));
                  resolve(true);
                },
                onError: (error) => {
                  void message.error(errorMessage(error));
                  resolve(false);
                },
              }),
            )
          }
          data-testid="photo-upload"
        >
          {editable && saved.length + uploading.length < MAX_PHOTOS && (
            <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
              <PlusOutlined />
              <div style={{ marginTop: 8 }}>{t('fill.upload')}</div>
            </button>
          )}
        </Upload>
      )}
    </Card>
  );
}
