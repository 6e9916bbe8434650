import { useEffect } from 'react';
import { Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { browserEnv, SignInError } from '../auth/oidc';
import { completeSignIn } from '../auth/oidc-callback';
import type { Session } from '../auth/session';
import { homeFor } from '../layout/menu';

// One completion per visit of the redirect URI: the kept state is used once, and React's strict
// mode runs an effect twice in development.
let completing: { url: string; result: Promise<{ session: Session; returnTo?: string }> } | undefined;

/**
 * `/auth/callback`, the redirect URI: the identity provider sends the browser back here with a
 * code (or an error); the sign-in is completed and the person lands where they were going, or
 * back on 登录 with the reason in Chinese.
 */
export default function AuthCallbackPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();

  useEffect(() => {
    const url = window.location.href;
    if (completing?.url !== url) completing = { url, result: completeSignIn(url, browserEnv()) };
    let live = true;
    completing.result.then(
      ({ session, returnTo }) => {
        if (!live) return;
        signIn(session);
        void navigate(returnTo ?? homeFor(session.roles), { replace: true });
      },
      (e: unknown) => {
        if (!live) return;
        const error = e instanceof SignInError ? e.message : '登录未成功，请稍后再试';
        void navigate('/login', { replace: true, state: { error } });
      },
    );
    return () => {
      live = false;
    };
  }, [navigate, signIn]);

  return (
    <main style={{ padding: '64px 16px', textAlign: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        帮扶工作台 · 正在登录
      </Typography.Title>
      <Spin tip="正在完成统一身份认证登录" />
    </main>
  );
}
