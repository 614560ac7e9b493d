/**
 * One step on a problem that takes a note, a reason or evidence photos: sign, progress, reply,
 * re-check, send back, confirm, reopen, solve on the spot, and the office's extension decision.
 * The version read goes with it; a 409 is handed up so the page can reload.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { useProblemStep } from '../hooks.ts';
import type { ExtensionAction, ProblemAction, ProblemDetail } from '../types.ts';
import { PhotoPicker } from './PhotoPicker.tsx';

export type DialogAction = Exclude<ProblemAction | ExtensionAction, 'assign' | 'requestExtension'>;

const REASON: readonly DialogAction[] = ['sendBack', 'reopen', 'refuseExtension'];
/** Steps whose note is the substance (what was done), with the word the prompt uses. */
const NOTE_REQUIRED: Partial<Record<DialogAction, 'progressNote' | 'replyNote' | 'solveNote'>> = { progress: 'progressNote', reply: 'replyNote', solveOnSpot: 'solveNote' };
const PHOTOS: readonly DialogAction[] = ['progress', 'reply', 'solveOnSpot'];

interface Props {
  problem: ProblemDetail;
  action: DialogAction;
  onClose: () => void;
  onDone: (problem: ProblemDetail) => void;
  onConflict: (message: string) => void;
}

export function StepDialog({ problem, action, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation('problems');
  const [form] = Form.useForm<{ text: string }>();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const step = useProblemStep(problem.id);
  const needsReason = REASON.includes(action);
  const required = NOTE_REQUIRED[action];

  const submit = async () => {
    const { text } = await form.validateFields();
    const value = (text ?? '').trim();
    const body = needsReason ? { version: problem.version, reason: value } : { version: problem.version, note: value, ...(PHOTOS.includes(action) ? { photoIds } : {}) };
    setFailure(null);
    step.mutate(
      { action, body },
      {
        onSuccess: onDone,
        onError: (e) => (e instanceof ApiRequestError && e.status === 409 ? onConflict(e.message) : setFailure(errorMessage(e))),
      },
    );
  };

  const label = needsReason ? t('step.reason') : required ? t(`step.${required}`) : action === 'approveExtension' ? t('step.approveNote') : t('step.note');
  const rules = needsReason || required ? [{ required: true, whitespace: true, message: needsReason ? t('step.reasonRequired') : t('step.noteRequired', { what: t(`step.${required!}`) }) }] : [];

  return (
    <Modal
      open
      title={`${t(`actions.${action}`)}：${problem.title}`}
      okText={t(`actions.${action}`)}
      okButtonProps={{ danger: needsReason, loading: step.isPending, 'data-testid': 'step-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="step-dialog"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="step-error" />}
      <Form form={form} layout="vertical" disabled={step.isPending}>
        <Form.Item name="text" label={label} rules={rules}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={needsReason ? t('step.reasonPlaceholder') : t('step.notePlaceholder')} data-testid="step-text" />
        </Form.Item>
        {PHOTOS.includes(action) && (
          <Form.Item label={t('step.photos')} extra={t('step.photosHint')}>
            <PhotoPicker problemId={problem.id} onChange={setPhotoIds} disabled={step.isPending} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
