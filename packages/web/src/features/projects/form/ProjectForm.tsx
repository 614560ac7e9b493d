/**
 * Create or edit a project. Checks with the domain schema before sending, puts the
 * server's field issues back on the fields, and on a version conflict asks instead of
 * overwriting.
 */
import { describeFieldPath, type ProjectDetail } from '@pacer/domain';
import { Alert, App, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { useSaveProject } from '../hooks.ts';
import { BasicSection } from './BasicSection.tsx';
import { ConflictModal } from './ConflictModal.tsx';
import { baselinesOf, detailToValues, emptyValues, formNameOf, LIST_FIELDS, type ProjectFormValues } from './formValues.ts';
import { InvestmentSection } from './InvestmentSection.tsx';
import { LocationSection } from './LocationSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { ScheduleSection } from './ScheduleSection.tsx';
import { validateProject, type FormIssue } from './validate.ts';

interface Conflict {
  current: ProjectDetail;
  mine: ProjectFormValues;
  message: string;
}

export function ProjectForm({ base, onReloaded }: { base?: ProjectDetail; onReloaded: (current: ProjectDetail) => void }) {
  const { t } = useTranslation(['projects', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  // The count, not the sentence, is kept, so the title follows a language switch.
  const [summary, setSummary] = useState<{ count: number | null; lines: string[] } | null>(null);
  const [listErrors, setListErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const baselines = baselinesOf(base);

  // Issue paths are data, not literal field names, so the typed setFields cannot check them.
  const setErrors = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(fields as Parameters<typeof form.setFields>[0]);

  /** Every issue goes on its field when there is one, and all are listed at the top. */
  const showIssues = (issues: readonly FormIssue[]) => {
    setErrors(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })));
    const lists: Record<string, string[]> = {};
    const placed: FormIssue[] = [];
    for (const issue of issues) {
      const name = formNameOf(issue.path);
      const list = LIST_FIELDS.find((l) => name.length === 1 && name[0] === l);
      if (list) (lists[list] ??= []).push(issue.message);
      else if (name.length) placed.push({ path: name, message: issue.message });
    }
    setErrors(placed.map((i) => ({ name: i.path, errors: [i.message] })));
    setListErrors(lists);
    setSummary({
      count: issues.length,
      lines: issues.map((i) => (i.path.length ? `${describeFieldPath(i.path)}：${i.message}` : i.message)),
    });
    if (placed[0]) form.scrollToField(placed[0].path, { block: 'center' });
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const submit = () => {
    const values = form.getFieldsValue(true) as ProjectFormValues;
    const checked = validateProject(values, baselines, base?.version);
    if (!checked.ok) return showIssues(checked.issues);
    setSummary(null);
    setListErrors({});
    save.mutate(
      { id: base?.id, body: checked.body },
      {
        onSuccess: (saved) => {
          void message.success(base ? t('form.saved') : t('form.created'));
          void navigate(`/projects/${saved.id}`);
        },
        onError: (error) => {
          const body = error instanceof ApiRequestError ? error.body : null;
          if (error instanceof ApiRequestError && error.status === 409 && body?.current) {
            setConflict({ current: body.current as ProjectDetail, mine: values, message: body.message });
          } else if (body?.issues?.length) {
            showIssues(body.issues);
          } else if (error instanceof ApiRequestError && error.status === 409 && typeof (body as { field?: unknown }).field === 'string') {
            // A duplicate code or name: the server names the field.
            showIssues([{ path: [(body as { field: string }).field], message: body!.message }]);
          } else {
            setSummary({ count: null, lines: [errorMessage(error)] });
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }
        },
      },
    );
  };

  // Editing a field clears its stale error; the next save checks everything again.
  const clearChanged = (changed: { name: (string | number)[] | string | number; errors?: string[] }[]) => {
    const stale = changed.filter((f) => f.errors?.length);
    if (stale.length) setErrors(stale.map((f) => ({ name: f.name as (string | number)[], errors: [] })));
  };

  return (
    <>
      {summary && (
        <Alert
          type="error"
          showIcon
          title={summary.count === null ? t('form.saveFailed') : t('form.fixErrors', { count: summary.count })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {summary.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="form-errors"
          role="alert"
        />
      )}
      <Form<ProjectFormValues>
        form={form}
        name="project"
        layout="vertical"
        initialValues={base ? detailToValues(base) : emptyValues()}
        onFinish={submit}
        onFieldsChange={clearChanged}
        disabled={save.isPending}
        data-testid="project-form"
      >
        <BasicSection />
        <PeopleSection />
        <InvestmentSection baselines={baselines} listErrors={listErrors} />
        <ScheduleSection baselines={baselines} listErrors={listErrors} />
        <LocationSection />
        <div className="pacer-form-actions">
          <Button onClick={() => void navigate(base ? `/projects/${base.id}` : '/projects')}>{t('common:actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-project">
            {t('common:actions.save')}
          </Button>
        </div>
      </Form>
      {conflict && (
        <ConflictModal
          current={conflict.current}
          mine={conflict.mine}
          message={conflict.message}
          onKeep={() => setConflict(null)}
          onReload={() => {
            setConflict(null);
            onReloaded(conflict.current);
          }}
        />
      )}
    </>
  );
}
