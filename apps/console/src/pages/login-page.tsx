import { useState } from 'react';
import { Alert, Button, Card, List, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { devLogin } from '../auth/dev-login';
import { PERSONAS, type Persona } from '../auth/personas';
import { homeFor } from '../layout/menu';

/** 登录: in the embedded default, the ready personas (development sign-in). */
export default function LoginPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const from = (location.state as { from?: string } | null)?.from;

  const enter = async (persona: Persona) => {
    setBusy(persona.key);
    setError(undefined);
    try {
      const session = await devLogin(persona);
      signIn(session);
      void navigate(from ?? homeFor(session.roles), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录未成功，请稍后再试');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <main
      style={{
        display: 'flex',
        justifyContent: 'center',
        padding: '64px 16px',
        background: '#f5f5f5',
        minHeight: '100vh',
      }}
    >
      <Card style={{ width: 520 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          帮扶工作台 · 登录
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          开发环境：请选择一个预置身份登录。正式环境使用统一身份认证登录。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
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
      </Card>
    </main>
  );
}
