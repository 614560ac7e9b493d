/** 申请延期: the lead unit picks a later deadline and says why; the office decides. */
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { todayInBeijing } from '../../../shared/periods.ts';
import { useProblemStep, useWorkingDays } from '../hooks.ts';
import type { ProblemDetail } from '../types.ts';

interface Props {
  problem: ProblemDetail;
  onClose: () => void;
  onDone: (problem: ProblemDetail) => void;
  onConflict: (message: string) => void;
}

export function ExtensionDialog({ problem, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation('problems');
  const [form] = Form.useForm<{ deadline: Dayjs | null; reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const step = useProblemStep(problem.id);
  const today = todayInBeijing();
  const chosen = Form.useWatch('deadline', form);
  const chosenDate = chosen ? chosen.format('YYYY-MM-DD') : null;
  const preview = useWorkingDays(chosenDate ? { from: today, to: chosenDate } : null);
  // The server wants a date after the current deadline and not in the past.
  const refused = (d: string) => d < today || (problem.deadline !== null && d <= problem.deadline);

  const submit = async () => {
    const v = await form.validateFields();
    setFailure(null);
    step.mutate(
      { action: 'requestExtension', body: { version: problem.version, deadline: v.deadline!.format('YYYY-MM-DD'), reason: v.reason.trim() } },
      { onSuccess: onDone, onError: (e) => (e instanceof ApiRequestError && e.status === 409 ? onConflict(e.message) : setFailure(errorMessage(e))) },
    );
  };

  return (
    <Modal
      open
      title={`${t('actions.requestExtension')}：${problem.title}`}
      okText={t('actions.requestExtension')}
      okButtonProps={{ loading: step.isPending, 'data-testid': 'step-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="extension-dialog"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="step-error" />}
      <Typography.Paragraph type="secondary">
        {t('detail.deadline')}：{problem.deadline ?? t('deadline.none')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={step.isPending}>
        <Form.Item
          name="deadline"
          label={t('step.newDeadline')}
          rules={[{ required: true, message: t('step.newDeadlineRequired') }]}
          extra={chosenDate && preview.data?.workingDays != null ? t('step.deadlinePreview', { date: chosenDate, days: preview.data.workingDays }) : undefined}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => refused(d.format('YYYY-MM-DD'))} data-testid="extension-deadline" />
        </Form.Item>
        <Form.Item name="reason" label={t('step.extensionReason')} rules={[{ required: true, whitespace: true, message: t('step.extensionReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
