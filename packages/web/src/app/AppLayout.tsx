/**
 * The shell around every signed-in page: side menu by feature, header with the user,
 * language and sign-out. On phones the menu moves into a drawer behind a hamburger.
 * The menu and the header's tools render just after the page (Deferred): the sider and the header
 * keep their size, and the first screen's rows do not wait for them.
 */
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { ROLES } from '@pacer/domain/vocabulary';
import { Button, Drawer, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Deferred } from '../shared/Deferred.tsx';
import { useIsNarrow } from '../shared/useMediaQuery.ts';
import { FullPageSpin, useCan, useSignOut, useUser } from './auth.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLocale } from './LocaleProvider.tsx';
import { NAV_ITEMS, navKeyOf } from './nav.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';

export default function AppLayout() {
  const narrow = useIsNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { t } = useTranslation();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} data-testid="side-menu">
          <Brand collapsed={collapsed} />
          <Deferred>
            <SideMenu />
          </Deferred>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="pacer-header">
          {narrow && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} data-testid="open-menu" onClick={() => setDrawerOpen(true)} />
          )}
          {narrow && <span className="pacer-header-brand">{t('product')}</span>}
          <div style={{ flex: 1 }} />
          <Deferred>
            <NotificationBell />
            <UserArea narrow={narrow} />
          </Deferred>
        </Layout.Header>
        <Layout.Content className="pacer-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('product')}
          styles={{ body: { padding: 0 } }}
        >
          <UserCard />
          <SideMenu light onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/projects" className="pacer-brand" title={t('tagline')}>
      {collapsed ? t('product').slice(0, 2) : t('product')}
    </Link>
  );
}

function SideMenu({ light = false, onNavigate }: { light?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const can = useCan();
  const user = useUser();
  const selected = navKeyOf(pathname);
  return (
    <Menu
      theme={light ? 'light' : 'dark'}
      mode="inline"
      aria-label={t('nav.menu')}
      selectedKeys={selected ? [selected] : []}
      onClick={onNavigate}
      items={NAV_ITEMS.filter((item) => can(item.permission) && (!item.roles || item.roles.includes(user.role))).map((item) => ({
        key: item.key,
        icon: item.icon,
        label: <Link to={item.path}>{t(item.labelKey)}</Link>,
      }))}
    />
  );
}

function useRoleLabel(): string {
  const user = useUser();
  const { locale } = useLocale();
  return ROLES.label(user.role, locale);
}

function UserArea({ narrow }: { narrow: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const role = useRoleLabel();
  const signOut = useSignOut();
  if (narrow) return <LanguageSwitch compact />;
  return (
    <Space size="middle">
      <span data-testid="current-user">
        <UserOutlined /> {user.displayName}{' '}
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {role}
        </Tag>
      </span>
      <LanguageSwitch />
      <Button icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()} data-testid="sign-out">
        {t('shell.signOut')}
      </Button>
    </Space>
  );
}

/** On phones the header has no room for the user; the drawer shows it with sign-out. */
function UserCard() {
  const { t } = useTranslation();
  const user = useUser();
  const role = useRoleLabel();
  const signOut = useSignOut();
  return (
    <div style={{ padding: 16, borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid="current-user">
      <Typography.Text strong>
        <UserOutlined /> {user.displayName}
      </Typography.Text>
      <div style={{ margin: '8px 0' }}>
        <Tag color="blue">{role}</Tag>
      </div>
      <Button block icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()} data-testid="sign-out">
        {t('shell.signOut')}
      </Button>
    </div>
  );
}
