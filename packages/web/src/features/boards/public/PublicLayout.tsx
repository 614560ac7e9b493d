/** The frame of the public pages: no sign-in, no app menu; the product, language and a way to sign in. */
import { LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { Deferred } from '../../../shared/Deferred.tsx';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['boards', 'common']);
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      <Layout.Header className="pacer-header">
        <Link to="/public/boards" className="pacer-header-brand" style={{ color: 'inherit' }}>
          {t('common:product')}
        </Link>
        <Typography.Text type="secondary" className="pacer-hide-narrow">
          {t('common:nav.publicBoards')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {/* After the board itself: the header keeps its size, and the rows do not wait for the menu. */}
        <Deferred>
          <LanguageSwitch compact />
        </Deferred>
        <Link to="/login">
          <Button type="text" icon={<LoginOutlined />}>
            {t('public.signIn')}
          </Button>
        </Link>
      </Layout.Header>
      <Layout.Content className="pacer-content" style={{ maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        {children}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24, fontSize: 12 }}>
          {t('public.onlyPublished')}
        </Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}
