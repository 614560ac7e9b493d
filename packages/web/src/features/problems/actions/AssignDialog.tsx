/**
 * 交办: the office names the lead unit, co-handlers and the deadline. The deadline starts at the
 * rule's working days for the problem's severity, and any date chosen is previewed in working
 * days on the server's holiday calendar (调休 included).
 */
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { useOrganisations } from '../../../shared/reference.ts';
import { todayInBeijing } from '../../../shared/periods.ts';
import { useEscalationRules, useProblemStep, useWorkingDays } from '../hooks.ts';
import { HANDLER_KINDS, type ProblemDetail } from '../types.ts';

interface Values {
  leadOrgId: string;
  coHandlerOrgIds: string[];
  deadline: Dayjs | null;
  note: string;
}

interface Props {
  problem: ProblemDetail;
  onClose: () => void;
  onDone: (problem: ProblemDetail) => void;
  onConflict: (message: string) => void;
}

export function AssignDialog({ problem, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation('problems');
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const today = todayInBeijing();
  const orgs = useOrganisations();
  const rules = useEscalationRules();
  const defaultDays = rules.data?.deadlineWorkingDays[problem.severity];
  const suggested = useWorkingDays(defaultDays === undefined ? null : { from: today, days: defaultDays });
  const chosen = Form.useWatch('deadline', form);
  const lead = Form.useWatch('leadOrgId', form);
  const chosenDate = chosen ? chosen.format('YYYY-MM-DD') : null;
  const preview = useWorkingDays(chosenDate ? { from: today, to: chosenDate } : null);
  const restDay = useWorkingDays(chosenDate ? { from: chosenDate, days: 0 } : null);
  const step = useProblemStep(problem.id);
  const handlers = (orgs.data ?? []).filter((o) => HANDLER_KINDS.includes(o.kind)).map((o) => ({ value: o.id, label: o.name }));

  // The severity's default deadline fills in once known, unless a date was already chosen.
  const suggestedDate = suggested.data?.date;
  useEffect(() => {
    if (suggestedDate && !form.getFieldValue('deadline')) form.setFieldValue('deadline', dayjs(suggestedDate));
  }, [form, suggestedDate]);

  const submit = async () => {
    const v = await form.validateFields();
    setFailure(null);
    step.mutate(
      { action: 'assign', body: { version: problem.version, leadOrgId: v.leadOrgId, coHandlerOrgIds: v.coHandlerOrgIds ?? [], deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null, note: (v.note ?? '').trim() } },
      { onSuccess: onDone, onError: (e) => (e instanceof ApiRequestError && e.status === 409 ? onConflict(e.message) : setFailure(errorMessage(e))) },
    );
  };

  return (
    <Modal
      open
      title={`${t('actions.assign')}：${problem.title}`}
      okText={t('actions.assign')}
      okButtonProps={{ loading: step.isPending, 'data-testid': 'step-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="assign-dialog"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="step-error" />}
      <Form<Values> form={form} layout="vertical" disabled={step.isPending} initialValues={{ coHandlerOrgIds: [], deadline: null, note: '' }}>
        <Form.Item name="leadOrgId" label={t('step.lead')} rules={[{ required: true, message: t('step.leadRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={handlers} loading={orgs.isPending} data-testid="assign-lead" />
        </Form.Item>
        <Form.Item name="coHandlerOrgIds" label={t('step.coHandlers')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={handlers.filter((h) => h.value !== lead)} maxCount={10} data-testid="assign-cohandlers" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('step.deadline')}
          extra={
            <>
              {defaultDays !== undefined && <div>{t('step.deadlineDefault', { severity: t(`severities.${problem.severity}`), days: defaultDays })}</div>}
              {chosenDate && preview.data?.workingDays != null && (
                <Typography.Text data-testid="deadline-preview">{t('step.deadlinePreview', { date: chosenDate, days: preview.data.workingDays })}</Typography.Text>
              )}
              {chosenDate && restDay.data && !restDay.data.fromIsWorkingDay && <div className="pacer-overdue">{t('step.deadlineHoliday')}</div>}
            </>
          }
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="assign-deadline" />
        </Form.Item>
        <Form.Item name="note" label={t('step.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('step.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
