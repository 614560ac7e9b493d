/** 发布: freezes this week's board for the public. A second publication is a correction and must say why. */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { usePublishBoard } from './hooks.ts';

export function PublishDialog({ week, weekText, publishedVersion, onClose }: { week: string; weekText: string; publishedVersion: number | null; onClose: () => void }) {
  const { t } = useTranslation(['boards', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const publish = usePublishBoard(week);
  const correction = publishedVersion !== null;

  const onOk = async () => {
    const { note = '' } = await form.validateFields();
    publish.mutate(note.trim() || null, {
      onSuccess: (board) => {
        void message.success(t('publishedOk', { version: board.version }));
        onClose();
      },
      onError: (error) => {
        const issue = error instanceof ApiRequestError ? error.body.issues?.[0] : undefined;
        form.setFields([{ name: 'note', errors: [issue?.message ?? errorMessage(error)] }]);
      },
    });
  };

  return (
    <Modal
      open
      title={t('publishTitle', { week: weekText })}
      okText={correction ? t('publishCorrection') : t('publish')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: publish.isPending, 'data-testid': 'publish-ok' }}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="publish-dialog"
    >
      <Alert type={correction ? 'warning' : 'info'} showIcon title={correction ? t('publishedVersion', { version: publishedVersion }) : t('publishHint')} description={correction ? t('publishHint') : undefined} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" disabled={publish.isPending}>
        <Form.Item
          name="note"
          label={correction ? t('publishNote') : t('publishNoteOptional')}
          required={correction}
          rules={correction ? [{ required: true, whitespace: true, message: t('publishNoteRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount placeholder={t('publishNotePlaceholder')} data-testid="publish-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
