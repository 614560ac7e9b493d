/**
 * 反映问题 (/problems/new?projectId=&reportId=): type, severity, title, description, project and
 * photos. Reached from the list, a project's page, or inside a progress report (then linked to
 * the report and its project). Photos upload once the problem exists, then it opens.
 */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { PROBLEM_SEVERITIES, PROBLEM_TYPES, type ProblemSeverity, type ProblemType } from '@pacer/domain';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { useRaiseProblem } from './hooks.ts';
import { uploadProblemPhoto } from './photos.ts';
import { ProjectSelect } from './ProjectSelect.tsx';

interface Values {
  projectId: string | null;
  type: ProblemType;
  severity: ProblemSeverity;
  title: string;
  description: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PHOTOS = 9;
/** Roles the server asks to name a project (the office and HQs may raise without one). */
const PROJECT_REQUIRED = ['owner', 'coordinator'];

export default function RaiseProblemPage() {
  const { t } = useTranslation(['problems', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const [sp] = useSearchParams();
  const reportId = UUID.test(sp.get('reportId') ?? '') ? sp.get('reportId') : null;
  const projectParam = UUID.test(sp.get('projectId') ?? '') ? sp.get('projectId') : null;
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const raise = useRaiseProblem();
  const busy = raise.isPending || uploading;
  // From a report the form opens in its own tab, so back leads to the project, not to the report.
  const goBack = () => void navigate(projectParam ? `/projects/${projectParam}` : '/problems');

  const showIssues = (e: unknown) => {
    const issues = e instanceof ApiRequestError ? (e.body.issues ?? []) : [];
    const onFields = issues.filter((i) => ['projectId', 'type', 'severity', 'title', 'description'].includes(String(i.path[0])));
    if (onFields.length) form.setFields(onFields.map((i) => ({ name: String(i.path[0]) as keyof Values, errors: [i.message] })));
    if (onFields.length !== issues.length || !issues.length) setFailure(errorMessage(e));
  };

  /** Uploads what was picked; the problem stands even if a photo is refused, so that is said, not thrown. */
  const uploadAll = async (problemId: string) => {
    const failed: string[] = [];
    for (const f of files) {
      if (!f.originFileObj) continue;
      await uploadProblemPhoto(problemId, f.originFileObj).catch((e: unknown) => failed.push(errorMessage(e)));
    }
    return failed;
  };

  const submit = async (v: Values) => {
    setFailure(null);
    try {
      const created = await raise.mutateAsync({ projectId: v.projectId, reportId, type: v.type, severity: v.severity, title: v.title.trim(), description: v.description.trim() });
      setUploading(true);
      const failed = await uploadAll(created.id).finally(() => setUploading(false));
      if (failed.length) void message.warning(t('form.photoFailed', { n: failed.length, reason: failed[0] }));
      else void message.success(t('form.submitted'));
      void navigate(`/problems/${created.id}`, { replace: true });
    } catch (e) {
      showIssues(e);
    }
  };

  return (
    <div data-testid="raise-problem-page" style={{ maxWidth: 820 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={goBack}>
          {t('common:actions.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
          {t('form.title')}
        </Typography.Title>
      </Card>
      {reportId && <Alert type="info" showIcon title={t('form.fromReport')} style={{ marginBottom: 12 }} data-testid="from-report" />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="raise-error" role="alert" />}
      <Card size="small">
        <Form<Values> form={form} layout="vertical" disabled={busy} initialValues={{ projectId: projectParam, severity: 'normal' }} onFinish={(v) => void submit(v)} data-testid="raise-form">
          <Form.Item
            name="projectId"
            label={t('form.project')}
            extra={PROJECT_REQUIRED.includes(user.role) ? undefined : t('form.projectHint')}
            rules={PROJECT_REQUIRED.includes(user.role) && !reportId ? [{ required: true, message: t('form.projectRequired') }] : []}
          >
            <ProjectSelect disabled={!!reportId} testId="raise-project" />
          </Form.Item>
          <Form.Item name="type" label={t('form.type')} rules={[{ required: true, message: t('form.typeRequired') }]}>
            <Select options={PROBLEM_TYPES.map((k) => ({ value: k, label: t(`types.${k}`) }))} data-testid="raise-type" />
          </Form.Item>
          <Form.Item name="severity" label={t('form.severity')}>
            <Radio.Group optionType="button" options={PROBLEM_SEVERITIES.map((k) => ({ value: k, label: t(`severities.${k}`) }))} data-testid="raise-severity" />
          </Form.Item>
          <Form.Item name="title" label={t('form.titleField')} rules={[{ required: true, whitespace: true, min: 2, message: t('form.titleRequired') }]}>
            <Input maxLength={100} showCount placeholder={t('form.titlePlaceholder')} data-testid="raise-title" />
          </Form.Item>
          <Form.Item name="description" label={t('form.description')} rules={[{ required: true, whitespace: true, message: t('form.descriptionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount placeholder={t('form.descriptionPlaceholder')} data-testid="raise-description" />
          </Form.Item>
          <Form.Item label={t('form.photos')} extra={t('form.photosHint')}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_PHOTOS))}
              data-testid="raise-photos"
            >
              {files.length < MAX_PHOTOS && (
                <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
                  <PlusOutlined />
                  <div style={{ marginTop: 8 }}>{t('step.upload')}</div>
                </button>
              )}
            </Upload>
          </Form.Item>
          <div className="pacer-form-actions">
            <Button onClick={goBack}>{t('common:actions.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="raise-submit">
              {t('form.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
