/**
 * Routes. Every page is lazy so the first load carries only the shell;
 * a feature's pages arrive when the user first opens it, with its words (see i18n.ts).
 * The project list and the public board start their code and their data from the route's
 * loader, before React renders, so the request overlaps the download instead of following it.
 */
import type { Permission } from '@pacer/domain';
import { Button } from 'antd';
import { use, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, type LoaderFunctionArgs } from 'react-router-dom';
import { publicBoardQuery } from '../features/boards/hooks.ts';
import { projectPageQuery } from '../features/projects/hooks.ts';
import { apiParams, readListState } from '../features/projects/listQuery.ts';
import { FullPageSpin, meQuery, RequireAuth, RequirePermission } from './auth.tsx';
import { loadNamespaces, type Namespace } from './i18n.ts';
import { Result } from './LazyResult.tsx';
import { queryClient } from './queryClient.ts';

type PageModule = { default: ComponentType };

/**
 * A lazy page whose code and translation tables load side by side; `preload` starts both early.
 * Once loaded, the page renders at once: React's `lazy` would ask for a fresh promise on its first
 * render and suspend for a turn even when the route's loader has already fetched everything.
 */
function page(load: () => Promise<PageModule>, namespaces: readonly Namespace[] = []) {
  let loaded: ComponentType | undefined;
  let loading: Promise<PageModule> | undefined;
  const start = () =>
    (loading ??= Promise.all([load(), loadNamespaces(namespaces)]).then(([module]) => {
      loaded = module.default;
      return module;
    }));
  function Page() {
    const Component = loaded ?? use(start()).default;
    return <Component />;
  }
  /** Starts the page's code and words; the promise settles when they are here (or failed: the page reports that). */
  const preload = () => start().then(() => undefined, () => undefined);
  return Object.assign(Page, { preload });
}

/**
 * On the first load the loaders also wait for the screen's code, so the router renders the whole
 * first screen once, complete, instead of the shell, then a spinner, then the page (rendering the
 * shell twice, and React holds each reveal after a spinner back by up to 300 ms).
 * Later navigations do not wait: the page's spinner shows as before.
 */
let firstLoad = true;
const firstScreen = (code: Promise<void>[]) => (firstLoad ? Promise.all(code).then(() => null) : null);

const LoginPage = page(() => import('../features/auth/LoginPage.tsx'));
const AppLayout = page(() => import('./AppLayout.tsx'));
const ProjectListPage = page(() => import('../features/projects/ProjectListPage.tsx'), ['projects']);
const ProjectDetailPage = page(() => import('../features/projects/ProjectDetailPage.tsx'), ['projects', 'battlePlan', 'problems']);
const ProjectFormPage = page(() => import('../features/projects/ProjectFormPage.tsx'), ['projects']);
const ReportsPage = page(() => import('../features/reports/ReportsPage.tsx'), ['reports']);
const ReportFillPage = page(() => import('../features/reports/ReportFillPage.tsx'), ['reports', 'projects', 'problems']);
const ReportPage = page(() => import('../features/reports/ReportPage.tsx'), ['reports']);
const BoardsPage = page(() => import('../features/boards/BoardsPage.tsx'), ['boards']);
const PublicBoardsPage = page(() => import('../features/boards/public/PublicBoardsPage.tsx'), ['boards']);
const PublicBoardPage = page(() => import('../features/boards/public/PublicBoardPage.tsx'), ['boards']);
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.tsx'), ['dashboard', 'problems']);
const BulletinsPage = page(() => import('../features/bulletins/BulletinsPage.tsx'), ['bulletins']);
const CampaignSettingsPage = page(() => import('../features/campaign/CampaignSettingsPage.tsx'), ['campaign']);
const ProblemsPage = page(() => import('../features/problems/ProblemsPage.tsx'), ['problems']);
const ProblemDetailPage = page(() => import('../features/problems/ProblemDetailPage.tsx'), ['problems']);
const RaiseProblemPage = page(() => import('../features/problems/RaiseProblemPage.tsx'), ['problems']);
const MyProjectsPage = page(() => import('../features/my-projects/MyProjectsPage.tsx'), ['myProjects', 'problems']);
const ImportsPage = page(() => import('../features/imports/ImportsPage.tsx'), ['imports']);
const MeetingsPage = page(() => import('../features/meetings/MeetingsPage.tsx'), ['meetings']);
const MeetingPage = page(() => import('../features/meetings/MeetingPage.tsx'), ['meetings']);

/** A page behind one permission. */
const guarded = (permission: Permission, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

/** Who is signed in and the shell's code, for every signed-in page. */
function startSignedIn() {
  return firstScreen([queryClient.prefetchQuery(meQuery), AppLayout.preload()]);
}

/**
 * The first page of the list as the URL asks for it, fetched into the cache the page reads. Not awaited: the page shows its own loading state. Signed-out
 * visitors get a 401 here, which sends them to sign-in as the page's own request would.
 */
function startProjectList({ request }: LoaderFunctionArgs) {
  const params = apiParams(readListState(new URL(request.url).searchParams));
  void queryClient.prefetchQuery(projectPageQuery(params));
  return firstScreen([AppLayout.preload(), ProjectListPage.preload()]);
}

/** The published board, the same way, with the query its page uses (boards/hooks.ts). */
function startPublicBoard({ params }: LoaderFunctionArgs) {
  const id = params.id;
  if (id) void queryClient.prefetchQuery(publicBoardQuery(id));
  return firstScreen([PublicBoardPage.preload()]);
}

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
  { path: '/public/boards/:id', element: <PublicBoardPage />, loader: startPublicBoard, hydrateFallbackElement: <FullPageSpin /> },
  {
    element: <RequireAuth />,
    loader: startSignedIn,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/projects" replace /> },
          { path: 'projects', element: <ProjectListPage />, loader: startProjectList, hydrateFallbackElement: <FullPageSpin /> },
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

if (router.state.initialized) {
  firstLoad = false;
} else {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    firstLoad = false;
    stop();
  });
}
