/**
 * Approve (审核通过) and return (退回) a submitted report. Both read the report first for its
 * version and checks: warnings make the review note compulsory, as the server requires.
 */
import type { ReportDto } from '@pacer/domain';
import { Alert, App, Descriptions, Form, Input, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { Money } from '../../shared/Money.tsx';
import { Findings } from './Findings.tsx';
import { useApproveReport, useReport, useReturnReport } from './hooks.ts';

export type ReviewAction = 'approve' | 'return';

interface Props {
  reportId: string;
  projectName: string;
  action: ReviewAction;
  onClose: (done?: ReportDto) => void;
}

export function ReviewDialog({ reportId, projectName, action, onClose }: Props) {
  const { t } = useTranslation(['reports', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const report = useReport(reportId);
  const approve = useApproveReport();
  const giveBack = useReturnReport();
  const pending = approve.isPending || giveBack.isPending;
  const r = report.data;
  const warnings = r?.findings.filter((f) => f.level === 'warning').length ?? 0;
  const noteRequired = action === 'return' || warnings > 0;
  const field = action === 'approve' ? t('review.note') : t('review.reason');

  const fail = (error: unknown) => {
    const issue = error instanceof ApiRequestError ? error.body.issues?.[0] : undefined;
    if (issue) form.setFields([{ name: 'text', errors: [issue.message] }]);
    else void message.error(errorMessage(error));
    // A 409 means the report moved on (reviewed by someone else, or resubmitted): show it as it is now.
    if (error instanceof ApiRequestError && error.status === 409) void report.refetch();
  };

  const onOk = async () => {
    if (!r) return;
    const { text = '' } = await form.validateFields();
    const done = (saved: ReportDto) => {
      void message.success(action === 'approve' ? t('review.approved') : t('review.returned'));
      onClose(saved);
    };
    if (action === 'approve') approve.mutate({ id: r.id, version: r.version, note: text.trim() || null }, { onSuccess: done, onError: fail });
    else giveBack.mutate({ id: r.id, version: r.version, reason: text.trim() }, { onSuccess: done, onError: fail });
  };

  return (
    <Modal
      open
      title={t(action === 'approve' ? 'review.approveTitle' : 'review.returnTitle', { name: projectName })}
      okText={action === 'approve' ? t('review.approve') : t('review.return')}
      okButtonProps={{ danger: action === 'return', loading: pending, disabled: !r || r.status !== 'submitted', 'data-testid': 'review-ok' }}
      cancelText={t('common:actions.cancel')}
      onOk={() => void onOk()}
      onCancel={() => onClose()}
      destroyOnHidden
      data-testid="review-dialog"
    >
      {report.isPending && <Spin />}
      {report.isError && <Alert type="error" showIcon title={errorMessage(report.error)} />}
      {r && r.status !== 'submitted' && (
        <Alert type="warning" showIcon title={t('fill.conflictCurrent', { state: t(`states.${r.status}`), version: r.version })} style={{ marginBottom: 12 }} />
      )}
      {r && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="review-summary">
          <Descriptions.Item label={t('fill.ytd')}>
            <Money yuan={r.ytdYuan} /> {t('common:units.wan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('fill.period_')}>
            <Money yuan={r.periodYuan} /> {t('common:units.wan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('fill.physicalProgress')}>{r.physicalProgress || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.title')}>
            <Link to={`/reports/${r.id}`} target="_blank">
              {t('actions.view')}
            </Link>
          </Descriptions.Item>
        </Descriptions>
      )}
      {r && r.findings.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Findings findings={r.findings} />
        </div>
      )}
      <Form form={form} layout="vertical" disabled={pending} requiredMark={noteRequired}>
        <Form.Item
          name="text"
          label={field}
          required={noteRequired}
          extra={action === 'approve' && warnings > 0 ? t('review.noteRequired') : undefined}
          rules={noteRequired ? [{ required: true, whitespace: true, message: action === 'approve' ? t('review.noteRequired') : t('review.reasonRequired') }] : []}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            placeholder={action === 'approve' ? t('review.notePlaceholder') : t('review.reasonPlaceholder')}
            data-testid="review-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
