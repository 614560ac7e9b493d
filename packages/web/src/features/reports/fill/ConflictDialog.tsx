/**
 * A save or submit refused with 409: someone saved a newer version, or the report was
 * submitted meanwhile. Nothing was overwritten; the user loads the latest or keeps editing.
 */
import type { ReportDto } from '@pacer/domain';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ConflictDialog({ message, current, onReload, onClose }: { message: string; current: ReportDto | null; onReload: () => void; onClose: () => void }) {
  const { t } = useTranslation(['reports', 'projects']);
  const locked = current?.status === 'submitted' || current?.status === 'approved';
  return (
    <Modal
      open
      title={t('fill.conflictTitle')}
      onCancel={onClose}
      data-testid="report-conflict"
      footer={[
        !locked && (
          <Button key="keep" onClick={onClose}>
            {t('projects:form.conflict.keep')}
          </Button>
        ),
        <Button key="reload" type="primary" onClick={onReload} data-testid="conflict-reload">
          {locked ? t('actions.view') : t('fill.conflictReload')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={message} style={{ marginBottom: 12 }} />
      {current && <Typography.Paragraph>{t('fill.conflictCurrent', { state: t(`states.${current.status}`), version: current.version })}</Typography.Paragraph>}
    </Modal>
  );
}
