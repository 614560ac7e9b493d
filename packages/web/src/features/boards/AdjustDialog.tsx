/** 调整等次: the office overrides a suggested grade, always with a written reason (kept and shown). */
import { GRADES, type Grade } from '@pacer/domain';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { gradeLabel } from '../../shared/figures.tsx';
import { useAdjustGrade } from './hooks.ts';
import type { DraftLine } from './types.ts';

interface Values {
  grade: Grade;
  reason: string;
}

export function AdjustDialog({ week, line, onClose }: { week: string; line: DraftLine; onClose: () => void }) {
  const { t } = useTranslation(['boards', 'common']);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const adjust = useAdjustGrade(week);
  const suggested = line.suggestedGrade ? gradeLabel(line.suggestedGrade, locale) : t('common:grades.none');

  const onOk = async () => {
    const values = await form.validateFields();
    adjust.mutate(
      { projectId: line.item.projectId, grade: values.grade, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('adjustedOk'));
          onClose();
        },
        onError: (error) => {
          const issue = error instanceof ApiRequestError ? error.body.issues?.[0] : undefined;
          if (issue) form.setFields([{ name: 'reason', errors: [issue.message] }]);
          else void message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('adjustTitle', { name: line.item.name })}
      okText={t('common:actions.confirm')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: adjust.isPending, 'data-testid': 'adjust-ok' }}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="adjust-dialog"
    >
      <Alert type="info" showIcon title={t('adjustSuggested', { grade: suggested, reason: line.suggestedReason })} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" initialValues={{ grade: line.grade ?? undefined, reason: '' }} disabled={adjust.isPending}>
        <Form.Item name="grade" label={t('adjustGrade')} rules={[{ required: true, message: t('adjustGrade') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={GRADES.map((g) => ({ value: g, label: <span data-testid={`adjust-grade-${g}`}>{gradeLabel(g, locale)}</span> }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('adjustReason')} rules={[{ required: true, whitespace: true, message: t('adjustReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={t('adjustReasonPlaceholder')} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
