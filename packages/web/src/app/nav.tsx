/**
 * The side menu, one entry per feature, each shown only with its permission. Later
 * features (问题督办, 调度会) add their entry here when their pages exist.
 */
import { AlertOutlined, BarChartOutlined, CalendarOutlined, CloudUploadOutlined, DatabaseOutlined, FileTextOutlined, FormOutlined, SettingOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Permission, Role } from '@pacer/domain';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: `nav.${'projects' | 'reports' | 'boards' | 'dashboard' | 'bulletins' | 'campaign' | 'imports' | 'problems' | 'myProjects' | 'meetings'}`;
  permission: Permission;
  /** Shown only to these roles (besides the permission), for views made for them. */
  roles?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'projects', path: '/projects', icon: <DatabaseOutlined />, labelKey: 'nav.projects', permission: 'projects:read' },
  { key: 'reports', path: '/reports', icon: <FormOutlined />, labelKey: 'nav.reports', permission: 'reports:read' },
  { key: 'problems', path: '/problems', icon: <AlertOutlined />, labelKey: 'nav.problems', permission: 'problems:read' },
  { key: 'meetings', path: '/meetings', icon: <CalendarOutlined />, labelKey: 'nav.meetings', permission: 'meetings:read' },
  { key: 'myProjects', path: '/my/projects', icon: <StarOutlined />, labelKey: 'nav.myProjects', permission: 'projects:read', roles: ['leader', 'hq'] },
  { key: 'boards', path: '/boards', icon: <TrophyOutlined />, labelKey: 'nav.boards', permission: 'boards:manage' },
  { key: 'dashboard', path: '/dashboard', icon: <BarChartOutlined />, labelKey: 'nav.dashboard', permission: 'stats:read' },
  { key: 'bulletins', path: '/bulletins', icon: <FileTextOutlined />, labelKey: 'nav.bulletins', permission: 'bulletins:export' },
  { key: 'campaign', path: '/campaign', icon: <SettingOutlined />, labelKey: 'nav.campaign', permission: 'boards:manage' },
  { key: 'imports', path: '/imports', icon: <CloudUploadOutlined />, labelKey: 'nav.imports', permission: 'imports:run' },
];

/** The menu entry a path belongs to: /projects/123/edit → projects. */
export function navKeyOf(pathname: string): string | undefined {
  return NAV_ITEMS.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.key;
}
