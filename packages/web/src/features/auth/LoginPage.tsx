/** Sign-in (/login). Errors are the server's own Chinese sentences. */
import { LockOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { FullPageSpin, useCurrentUser, useSignIn } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/projects';
}

export default function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const location = useLocation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const signIn = useSignIn();

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  const onFinish = (values: Credentials) =>
    signIn.mutate(values, { onSuccess: () => void navigate(returnPath(location.state), { replace: true }) });

  return (
    <main className="pacer-login">
      <div style={{ position: 'fixed', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 4, textAlign: 'center' }}>
          {t('common:product')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('common:tagline')}
        </Typography.Paragraph>
        {signIn.isError && (
          <Alert type="error" showIcon title={errorMessage(signIn.error)} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        )}
        <Form<Credentials> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={signIn.isPending}>
          <Form.Item label={t('username')} name="username" rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/public/boards" data-testid="public-boards-link">
            <TrophyOutlined /> {t('common:nav.publicBoards')}
          </Link>
        </div>
      </Card>
    </main>
  );
}
