/**
 * The owner's fill-in form. Saving a draft always works and returns the checks, shown at
 * once (errors on their fields); submitting saves first, then submits. Server issues go
 * on their fields; a 409 (someone else saved, or it was already submitted) asks in a modal.
 */
import type { ProjectDetail, ReportDto } from '@pacer/domain';
import { wanToYuan } from '@pacer/domain';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../../app/auth.tsx';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { Findings } from '../Findings.tsx';
import { useSaveReport } from '../hooks.ts';
import type { ReportFormData } from '../types.ts';
import { AmountFields } from './AmountFields.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { AMOUNT_FIELDS, computedPeriodWan, formFieldOf, initialValues, previousYtdOf, shiftWan, toWrite, type FormIssue, type ReportFormValues } from './formValues.ts';
import { MilestoneFields } from './MilestoneFields.tsx';
import { PhotoSection } from './PhotoSection.tsx';

type FieldData = Parameters<ReturnType<typeof Form.useForm<ReportFormValues>>[0]['setFields']>[0];

const LABEL_KEYS: Record<string, string> = { ytdWan: 'ytd', periodWan: 'period_', sinceStartWan: 'sinceStart', paidYtdWan: 'paidYtd', physicalProgress: 'physicalProgress', problems: 'problems', milestones: 'milestones' };

/** The form field an issue belongs to: client issues name it already, server ones use the API's name. */
const fieldOf = (field: string) => formFieldOf(field) ?? (field in LABEL_KEYS ? field : undefined);

interface Props {
  projectId: string;
  data: ReportFormData;
  project: ProjectDetail | undefined;
  onReload: () => void;
  /** After each saved draft, so the page header shows the new state. */
  onSaved: (report: ReportDto) => void;
}

export function ReportForm({ projectId, data, project, onReload, onSaved }: Props) {
  const { t } = useTranslation(['reports', 'common', 'problems']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const [form] = Form.useForm<ReportFormValues>();
  const save = useSaveReport();
  const [initial] = useState(() => initialValues(data));
  // Kept for the whole visit: a save with a mismatch must not lose what 本期 is measured from.
  const [previousYtd] = useState(() => previousYtdOf(data));
  const [current, setCurrent] = useState<ReportDto | null>(data.report);
  const [summary, setSummary] = useState<{ count: number | null; lines: string[] } | null>(null);
  const [conflict, setConflict] = useState<{ message: string; current: ReportDto | null } | null>(null);
  const lastYtd = useRef(initial.ytdWan);
  const findingsRef = useRef<HTMLDivElement>(null);
  const pending = save.isPending;
  const editable = !current || current.status === 'draft' || current.status === 'returned';

  const label = (field: string, fallback = field) => {
    const name = fieldOf(field);
    return name ? t(`fill.${LABEL_KEYS[name]}` as 'fill.ytd') : fallback;
  };
  const setFields = (fields: { name: string | (string | number)[]; errors?: string[]; warnings?: string[] }[]) => form.setFields(fields as FieldData);

  /** Errors on their fields (red), warnings beside them (orange); everything else in the list at the top. */
  const markFindings = (report: ReportDto) => {
    setFields([...AMOUNT_FIELDS, 'physicalProgress', 'problems'].map((name) => ({ name, errors: [], warnings: [] })));
    const byField = new Map<string, { errors: string[]; warnings: string[] }>();
    for (const f of report.findings) {
      const name = fieldOf(f.field);
      if (!name || f.level === 'flag') continue;
      const entry = byField.get(name) ?? { errors: [], warnings: [] };
      (f.level === 'error' ? entry.errors : entry.warnings).push(f.message);
      byField.set(name, entry);
    }
    setFields([...byField].map(([name, e]) => ({ name, ...e })));
  };

  const showIssues = (issues: readonly (FormIssue & { label?: string })[]) => {
    setFields(issues.flatMap((i) => (fieldOf(i.field) ? [{ name: fieldOf(i.field)!, errors: [i.message] }] : [])));
    setSummary({ count: issues.length, lines: issues.map((i) => `${label(i.field, i.label)}：${i.message}`) });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const fail = (error: unknown) => {
    const body = error instanceof ApiRequestError ? error.body : null;
    if (error instanceof ApiRequestError && error.status === 409) {
      setConflict({ message: error.message, current: (body?.current as ReportDto | undefined) ?? null });
    } else if (body?.issues?.length) {
      showIssues(body.issues.map((i) => ({ field: String(i.path[0] ?? ''), label: i.field, message: i.message })));
    } else {
      setSummary({ count: null, lines: [errorMessage(error)] });
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
  };

  /**
   * Saves the draft — and with `submit`, submits it in the same request when the checks find no
   * error; resolves with the saved report, or null when it was not saved.
   */
  const saveDraft = async (submit = false): Promise<ReportDto | null> => {
    const values = form.getFieldsValue(true) as ReportFormValues;
    const checked = toWrite(values, { projectId, period: data.period, version: current?.version ?? null }, {
      required: (field) => t('fill.required', { field: label(field) }),
      format: t('fill.moneyFormat'),
    });
    if (!checked.ok) {
      showIssues(checked.issues);
      return null;
    }
    try {
      const saved = await save.mutateAsync({ ...checked.body, submit });
      setCurrent(saved);
      onSaved(saved);
      setSummary(null);
      markFindings(saved);
      return saved;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const onSave = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    void message.success(t('fill.saved'));
    findingsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const onSubmit = async () => {
    const saved = await saveDraft(true);
    if (!saved) return;
    if (saved.status === 'submitted') {
      void message.success(t('fill.submitted'));
      void navigate(`/reports/${saved.id}`, { replace: true });
      return;
    }
    // Kept as a draft: an error stands.
    const errors = saved.findings.filter((f) => f.level === 'error');
    setSummary({ count: errors.length, lines: errors.map((f) => `${label(f.field)}：${f.message}`) });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  /** 本期 follows 本年累计 (= 本年累计 − 上期), and so does 自开工累计, so nothing is typed twice. */
  const onValuesChange = (changed: Partial<ReportFormValues>, all: ReportFormValues) => {
    if (!('ytdWan' in changed)) return;
    const before = lastYtd.current ? wanToYuan(lastYtd.current) : null;
    const after = changed.ytdWan ? wanToYuan(changed.ytdWan) : null;
    if (after === null) return;
    lastYtd.current = changed.ytdWan;
    if (before === null) return;
    const delta = after - before;
    form.setFieldsValue({
      periodWan: computedPeriodWan(changed.ytdWan, previousYtd) ?? shiftWan(all.periodWan, delta),
      sinceStartWan: shiftWan(all.sinceStartWan, delta),
    });
    clearDerived();
  };

  /** A figure worked out again no longer carries the last save's message. */
  const clearDerived = () => setFields(['periodWan', 'sinceStartWan'].map((name) => ({ name, errors: [], warnings: [] })));

  const recompute = () => {
    form.setFieldsValue({ periodWan: computedPeriodWan(form.getFieldValue('ytdWan') as string, previousYtd) });
    clearDerived();
  };

  const clearChanged = (changed: { name: (string | number)[] | string | number; errors?: string[]; warnings?: string[] }[]) => {
    const stale = changed.filter((f) => f.errors?.length || f.warnings?.length);
    if (stale.length) setFields(stale.map((f) => ({ name: f.name as string[], errors: [], warnings: [] })));
  };

  return (
    <>
      {summary && (
        <Alert
          type="error"
          showIcon
          title={summary.count === null ? t('fill.saveFailed') : t('fill.fixErrors', { count: summary.count })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {summary.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="form-errors"
          role="alert"
        />
      )}
      {!data.report && data.prefill && !current && <Alert type="info" showIcon title={t('fill.prefilled')} style={{ marginBottom: 12 }} />}
      <div ref={findingsRef} style={{ scrollMarginTop: 72 }}>
        {current && (
          <Card size="small" title={t('fill.findings')} style={{ marginBottom: 12 }} data-testid="findings-card">
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {t('fill.findingsHint')}
            </Typography.Paragraph>
            <Findings findings={current.findings} showNone />
          </Card>
        )}
      </div>
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFieldsChange={clearChanged}
        disabled={pending || !editable}
        data-testid="report-form"
      >
        <AmountFields previousYtd={previousYtd} onRecompute={recompute} />
        <Card size="small" title={t('fill.physicalProgress')} style={{ marginBottom: 12 }}>
          <Form.Item name="physicalProgress" style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount placeholder={t('fill.physicalProgressPlaceholder')} data-testid="field-physical-progress" />
          </Form.Item>
        </Card>
        <MilestoneFields project={project} reported={data.report?.milestones.map((m) => m.kind) ?? []} />
        <Card
          size="small"
          title={t('fill.problems')}
          extra={
            // A new tab, so what is typed here so far stays.
            can('problems:raise') && (
              <Link to={`/problems/new?${new URLSearchParams({ projectId, ...(current ? { reportId: current.id } : {}) }).toString()}`} target="_blank" rel="noopener" data-testid="report-raise-problem">
                {t('problems:raise')}
              </Link>
            )
          }
          style={{ marginBottom: 12 }}
        >
          <Form.Item name="problems" style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount placeholder={t('fill.problemsPlaceholder')} data-testid="field-problems" />
          </Form.Item>
        </Card>
      </Form>
      <PhotoSection reportId={current?.id ?? null} editable={editable && !pending} />
      <div className="pacer-form-actions">
        <Button onClick={() => void onSave()} loading={save.isPending && !save.variables?.submit} disabled={pending || !editable} data-testid="save-report">
          {t('fill.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void onSubmit()} loading={save.isPending && !!save.variables?.submit} disabled={pending || !editable} data-testid="submit-report">
          {t('fill.submit')}
        </Button>
      </div>
      {conflict && (
        <ConflictDialog
          message={conflict.message}
          current={conflict.current}
          onClose={() => setConflict(null)}
          onReload={() => {
            setConflict(null);
            if (conflict.current && (conflict.current.status === 'submitted' || conflict.current.status === 'approved')) void navigate(`/reports/${conflict.current.id}`, { replace: true });
            else onReload();
          }}
        />
      )}
    </>
  );
}
