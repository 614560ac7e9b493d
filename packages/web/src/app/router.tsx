/**
 * Routes. Every page is lazy so the first load carries only the shell;
 * a feature's pages arrive when the user first opens it.
 */
import { Button, Result } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth.tsx';

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const ProjectListPage = lazy(() => import('../features/projects/ProjectListPage.tsx'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage.tsx'));
const ProjectFormPage = lazy(() => import('../features/projects/ProjectFormPage.tsx'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('errors.notFound')}
      subTitle={t('errors.notFoundHint')}
      extra={
        <Link to="/projects">
          <Button type="primary">{t('nav.projects')}</Button>
        </Link>
      }
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/projects" replace /> },
          { path: 'projects', element: <ProjectListPage /> },
          {
            path: 'projects/new',
            element: (
              <RequirePermission permission="projects:create">
                <ProjectFormPage />
              </RequirePermission>
            ),
          },
          { path: 'projects/:id', element: <ProjectDetailPage /> },
          {
            path: 'projects/:id/edit',
            element: (
              <RequirePermission permission="projects:update">
                <ProjectFormPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
