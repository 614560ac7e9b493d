/** 项目详情 (/projects/:id): every field, the baseline tables, and edit / delete / restore. */
import { AlertOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain';
import { Alert, App, Button, Card, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { FullPageSpin, useCan } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { useDeleteProject, useProject, useRestoreProject } from './hooks.ts';
import { ProjectSections } from './ProjectSections.tsx';

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const includeDeleted = searchParams.get('deleted') === '1';
  const { t } = useTranslation(['projects', 'common', 'problems']);
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const project = useProject(id, { includeDeleted });
  const remove = useDeleteProject();
  const restore = useRestoreProject();

  if (project.isPending) return <FullPageSpin />;
  if (project.isError) {
    const missing = project.error instanceof ApiRequestError && (project.error.status === 404 || project.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : t('common:errors.loadFailed')}
        subTitle={missing ? undefined : errorMessage(project.error)}
        extra={
          <Link to="/projects">
            <Button>{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const p = project.data;
  const deleted = p.deletedAt !== null;

  const confirmDelete = () =>
    modal.confirm({
      title: t('detail.deleteTitle'),
      content: t('detail.deleteConfirm', { name: p.name }),
      okText: t('detail.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
      cancelText: t('common:actions.cancel'),
      onOk: () =>
        remove.mutateAsync(p.id).then(
          () => {
            void message.success(t('detail.deleted', { name: p.name }));
            void navigate('/projects');
          },
          (error: unknown) => void message.error(errorMessage(error)),
        ),
    });

  return (
    <div data-testid="project-detail">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }} data-testid="project-title">
              {p.name}
            </Typography.Title>
            <Space wrap size={[4, 4]}>
              <Tag color="blue">{PROJECT_STATUSES.label(p.status, locale)}</Tag>
              {p.levels.map((l) => (
                <Tag key={l}>{PROJECT_LEVELS.label(l, locale)}</Tag>
              ))}
              {p.code && <Typography.Text type="secondary" copyable>{p.code}</Typography.Text>}
            </Space>
          </div>
          <Space wrap>
            <Link to="/projects">
              <Button>{t('detail.backToList')}</Button>
            </Link>
            {can('problems:read') && (
              <Link to={`/problems?tab=all&projectId=${p.id}`}>
                <Button icon={<AlertOutlined />} data-testid="project-problems">
                  {t('problems:title')}
                </Button>
              </Link>
            )}
            {!deleted && can('problems:raise') && (
              <Link to={`/problems/new?projectId=${p.id}`}>
                <Button data-testid="project-raise-problem">{t('problems:raise')}</Button>
              </Link>
            )}
            {!deleted && can('projects:update') && (
              <Link to={`/projects/${p.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="edit-project">
                  {t('detail.edit')}
                </Button>
              </Link>
            )}
            {!deleted && can('projects:delete') && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="delete-project">
                {t('detail.delete')}
              </Button>
            )}
            {deleted && can('projects:delete') && (
              <Button
                icon={<UndoOutlined />}
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(p.id, {
                    onSuccess: () => void navigate(`/projects/${p.id}`, { replace: true }),
                    onError: (error) => void message.error(errorMessage(error)),
                  })
                }
              >
                {t('detail.restore')}
              </Button>
            )}
          </Space>
        </div>
        {deleted && <Alert type="warning" showIcon title={t('detail.deletedBanner')} style={{ marginTop: 12 }} />}
      </Card>
      <ProjectSections project={p} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'right' }} data-testid="project-version">
        {t('detail.versionLine', { version: p.version, time: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') })}
      </Typography.Paragraph>
    </div>
  );
}
