/**
 * Evidence photos for a step: each file is uploaded to the problem at once (the server checks
 * it by content and says why it refuses one); the step then names the uploaded ids.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { uploadProblemPhoto } from '../photos.ts';

const MAX_PHOTOS = 9;

export function PhotoPicker({ problemId, onChange, disabled }: { problemId: string; onChange: (photoIds: string[]) => void; disabled?: boolean }) {
  const { t } = useTranslation('problems');
  const [files, setFiles] = useState<(UploadFile & { photoId?: string })[]>([]);
  const [error, setError] = useState<string | null>(null);

  const publish = (next: (UploadFile & { photoId?: string })[]) => {
    setFiles(next);
    onChange(next.flatMap((f) => (f.photoId ? [f.photoId] : [])));
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File & { uid: string };
    setError(null);
    setFiles((list) => [...list, { uid: f.uid, name: f.name, status: 'uploading' }]);
    uploadProblemPhoto(problemId, f).then(
      (photo) => {
        onSuccess?.(photo);
        setFiles((list) => {
          const next = list.map((u) => (u.uid === f.uid ? { ...u, status: 'done' as const, url: photo.url, thumbUrl: photo.url, photoId: photo.id } : u));
          onChange(next.flatMap((x) => (x.photoId ? [x.photoId] : [])));
          return next;
        });
      },
      (e: unknown) => {
        onError?.(e as Error);
        setFiles((list) => list.filter((u) => u.uid !== f.uid));
        setError(errorMessage(e));
      },
    );
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={`${t('step.uploadFailed')}：${error}`} style={{ marginBottom: 8 }} data-testid="photo-error" />}
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        fileList={files}
        customRequest={customRequest}
        disabled={disabled}
        onRemove={(file) => publish(files.filter((f) => f.uid !== file.uid))}
        data-testid="step-photos"
      >
        {files.length < MAX_PHOTOS && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('step.upload')}</div>
          </button>
        )}
      </Upload>
    </>
  );
}
