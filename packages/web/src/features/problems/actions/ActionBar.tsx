/**
 * The buttons for what the current user may do now — exactly the API's allowedActions and
 * extensionActions — and the dialog each opens. A step refused because the problem moved on
 * (409) says so and reloads the problem.
 */
import { App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtensionAction, ProblemAction, ProblemDetail } from '../types.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { ExtensionDialog } from './ExtensionDialog.tsx';
import { StepDialog, type DialogAction } from './StepDialog.tsx';

type Action = ProblemAction | ExtensionAction;

/** The step that moves the problem forward is the primary button; sending back is red. */
const PRIMARY: readonly Action[] = ['assign', 'sign', 'reply', 'recheck', 'confirm', 'approveExtension'];
const DANGER: readonly Action[] = ['sendBack', 'reopen', 'refuseExtension'];

export function ActionBar({ problem, onReload }: { problem: ProblemDetail; onReload: () => void }) {
  const { t } = useTranslation('problems');
  const { message } = App.useApp();
  const [open, setOpen] = useState<Action | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const actions: Action[] = [...problem.allowedActions, ...problem.extensionActions];

  if (!actions.length) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        {t('detail.noActions')}
      </Typography.Text>
    );
  }
  const done = (action: Action) => () => {
    setOpen(null);
    void message.success(t('step.done', { action: t(`actions.${action}`) }));
  };
  const onConflict = (text: string) => {
    setOpen(null);
    setConflict(text);
  };
  const common = { problem, onClose: () => setOpen(null), onConflict };

  return (
    <>
      <Space wrap data-testid="problem-actions">
        {actions.map((a) => (
          <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => setOpen(a)} data-testid={`action-${a}`}>
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Space>
      {open === 'assign' && <AssignDialog {...common} onDone={done('assign')} />}
      {open === 'requestExtension' && <ExtensionDialog {...common} onDone={done('requestExtension')} />}
      {open && open !== 'assign' && open !== 'requestExtension' && <StepDialog {...common} action={open as DialogAction} onDone={done(open)} />}
      <Modal
        open={conflict !== null}
        title={t('step.conflictTitle')}
        okText={t('step.conflictReload')}
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => {
          setConflict(null);
          onReload();
        }}
        onCancel={() => {
          setConflict(null);
          onReload();
        }}
        okButtonProps={{ 'data-testid': 'conflict-reload' }}
        data-testid="problem-conflict"
      >
        <Typography.Paragraph>{conflict}</Typography.Paragraph>
      </Modal>
    </>
  );
}
