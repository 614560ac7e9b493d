/** /projects/new and /projects/:id/edit. */
import type { ProjectDetail } from '@pacer/domain';
import { Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { FullPageSpin } from '../../app/auth.tsx';
import { ProjectForm } from './form/ProjectForm.tsx';
import { useProject } from './hooks.ts';

export default function ProjectFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('projects');
  const project = useProject(id);
  // After a conflict the user may take the newer version as the new starting point.
  const [reloaded, setReloaded] = useState<ProjectDetail | null>(null);

  if (id && project.isPending) return <FullPageSpin />;
  if (id && project.isError) {
    return (
      <Result
        status="error"
        title={t('detail.notFound')}
        subTitle={errorMessage(project.error)}
        extra={
          <Link to="/projects">
            <Button>{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const base = id ? (reloaded ?? project.data) : undefined;

  return (
    <div data-testid="project-form-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {base ? `${t('form.editTitle')} · ${base.name}` : t('form.createTitle')}
      </Typography.Title>
      {/* A new key remounts the form, so reloaded values replace every field and list row. */}
      <ProjectForm key={base ? `${base.id}@${base.version}` : 'new'} base={base} onReloaded={setReloaded} />
    </div>
  );
}
