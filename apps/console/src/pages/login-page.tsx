import { useEffect, useState } from 'react';
import { Alert, Button, Card, List, Spin, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { fetchAuthConfig, oidcOf, type AuthConfig } from '../auth/auth-config';
import { devLogin } from '../auth/dev-login';
import { beginSignIn, browserEnv, SignInError } from '../auth/oidc';
import { PERSONAS, type Persona } from '../auth/personas';
import { homeFor } from '../layout/menu';

const FAILED = '登录未成功，请稍后再试';

/**
 * 登录: what the gateway offers (`GET /api/v1/auth/config`): in production 统一身份认证登录
 * (OpenID Connect at the identity provider the gateway trusts), in the embedded default the
 * ready personas (development sign-in).
 */
export default function LoginPage() {
  const { signIn, notice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; error?: string } | null;
  const [config, setConfig] = useState<AuthConfig>();
  const [error, setError] = useState<string | undefined>(state?.error);
  const [busy, setBusy] = useState<string>();
  const from = state?.from;

  // The callback's error is shown once: a reload of the page does not show it again.
  useEffect(() => {
    if (state?.error) void navigate('.', { replace: true, state: from ? { from } : null });
  }, [navigate, state?.error, from]);

  useEffect(() => {
    let live = true;
    fetchAuthConfig().then(
      (c) => live && setConfig(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : FAILED),
    );
    return () => {
      live = false;
    };
  }, []);

  const enter = async (persona: Persona) => {
    setBusy(persona.key);
    setError(undefined);
    try {
      const session = await devLogin(persona);
      signIn(session);
      void navigate(from ?? homeFor(session.roles), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : FAILED);
    } finally {
      setBusy(undefined);
    }
  };

  const oidc = config && oidcOf(config);
  const startOidc = async () => {
    if (!oidc) return;
    setBusy('oidc');
    setError(undefined);
    try {
      window.location.assign(await beginSignIn(oidc, window.location.origin, from, browserEnv()));
    } catch (e) {
      setError(e instanceof SignInError ? e.message : FAILED);
      setBusy(undefined);
    }
  };

  const message = error ?? notice;
  return (
    <main
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        padding: '64px 16px',
        background: '#f5f5f5',
        minHeight: '100vh',
      }}
    >
      <Card style={{ width: 520 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          帮扶工作台 · 登录
        </Typography.Title>
        {message && <Alert type="error" showIcon message={message} style={{ marginBottom: 16 }} />}
        {!config && !error && <Spin style={{ display: 'block', margin: 24 }} tip="正在获取登录方式" />}
        {oidc && (
          <section aria-label="统一身份认证" style={{ marginBottom: config?.devLogin ? 24 : 0 }}>
            <Typography.Paragraph type="secondary">
              请使用统一身份认证账号登录，登录后按账号的角色和所属单位进入工作台。
            </Typography.Paragraph>
            <Button
              type="primary"
              size="large"
              block
              loading={busy === 'oidc'}
              onClick={() => void startOidc()}
            >
              统一身份认证登录
            </Button>
          </section>
        )}
        {config?.devLogin && (
          <section aria-label="开发环境预置身份">
            <Typography.Paragraph type="secondary">
              开发环境：请选择一个预置身份登录。正式环境使用统一身份认证登录。
            </Typography.Paragraph>
            <List
              dataSource={[...PERSONAS]}
              renderItem={(persona) => (
                <List.Item
                  actions={[
                    <Button
                      key="enter"
                      type="primary"
                      loading={busy === persona.key}
                      onClick={() => void enter(persona)}
                      aria-label={`以${persona.title}${persona.name}身份登录`}
                    >
                      登录
                    </Button>,
                  ]}
                >
                  <List.Item.Meta title={persona.name} description={persona.title} />
                </List.Item>
              )}
            />
          </section>
        )}
        {config && !oidc && !config.devLogin && (
          <Alert type="warning" showIcon message="本环境未配置登录方式，请联系管理员。" />
        )}
      </Card>
    </main>
  );
}
