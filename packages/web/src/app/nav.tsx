/**
 * The side menu, one entry per feature. Later features (进度填报, 周晒榜, 问题督办, 调度会)
 * add their entry here when their pages exist; none is shown before then.
 */
import { DatabaseOutlined } from '@ant-design/icons';
import type { Permission } from '@pacer/domain';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: 'nav.projects';
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'projects', path: '/projects', icon: <DatabaseOutlined />, labelKey: 'nav.projects', permission: 'projects:read' },
];

/** The menu entry a path belongs to: /projects/123/edit → projects. */
export function navKeyOf(pathname: string): string | undefined {
  return NAV_ITEMS.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))?.key;
}
