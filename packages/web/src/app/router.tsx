/**
 * Routes. Every page is lazy so the first load carries only the shell;
 * a feature's pages arrive when the user first opens it.
 */
import type { Permission } from '@pacer/domain';
import { Button, Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth.tsx';

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const ProjectListPage = lazy(() => import('../features/projects/ProjectListPage.tsx'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage.tsx'));
const ProjectFormPage = lazy(() => import('../features/projects/ProjectFormPage.tsx'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx'));
const ReportFillPage = lazy(() => import('../features/reports/ReportFillPage.tsx'));
const ReportPage = lazy(() => import('../features/reports/ReportPage.tsx'));
const BoardsPage = lazy(() => import('../features/boards/BoardsPage.tsx'));
const PublicBoardsPage = lazy(() => import('../features/boards/public/PublicBoardsPage.tsx'));
const PublicBoardPage = lazy(() => import('../features/boards/public/PublicBoardPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const BulletinsPage = lazy(() => import('../features/bulletins/BulletinsPage.tsx'));
const CampaignSettingsPage = lazy(() => import('../features/campaign/CampaignSettingsPage.tsx'));
const ProblemsPage = lazy(() => import('../features/problems/ProblemsPage.tsx'));
const ProblemDetailPage = lazy(() => import('../features/problems/ProblemDetailPage.tsx'));
const RaiseProblemPage = lazy(() => import('../features/problems/RaiseProblemPage.tsx'));
const MyProjectsPage = lazy(() => import('../features/my-projects/MyProjectsPage.tsx'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage.tsx'));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage.tsx'));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage.tsx'));

/** A page behind one permission. */
const guarded = (permission: Permission, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

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
  // Published boards are public: no sign-in, no app shell.
  { path: '/public/boards', element: <PublicBoardsPage /> },
  { path: '/public/boards/:id', element: <PublicBoardPage /> },
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
          { path: 'reports', element: guarded('reports:read', <ReportsPage />) },
          { path: 'reports/fill/:projectId', element: guarded('reports:write', <ReportFillPage />) },
          { path: 'reports/:id', element: guarded('reports:read', <ReportPage />) },
          { path: 'boards', element: guarded('boards:manage', <BoardsPage />) },
          { path: 'dashboard', element: guarded('stats:read', <DashboardPage />) },
          { path: 'bulletins', element: guarded('bulletins:export', <BulletinsPage />) },
          { path: 'campaign', element: guarded('boards:manage', <CampaignSettingsPage />) },
          { path: 'problems', element: guarded('problems:read', <ProblemsPage />) },
          { path: 'problems/new', element: guarded('problems:raise', <RaiseProblemPage />) },
          { path: 'problems/:id', element: guarded('problems:read', <ProblemDetailPage />) },
          { path: 'my/projects', element: guarded('projects:read', <MyProjectsPage />) },
          { path: 'imports', element: guarded('imports:run', <ImportsPage />) },
          { path: 'meetings', element: guarded('meetings:read', <MeetingsPage />) },
          { path: 'meetings/:id', element: guarded('meetings:read', <MeetingPage />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
