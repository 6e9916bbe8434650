import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { labelOf, ROLE_LABELS } from '../format/labels';
import { menuFor, selectedKey, type MenuEntry } from './menu';

const toItem = (e: MenuEntry): { key: string; label: string; children?: unknown[] } =>
  e.children ? { key: e.key, label: e.label, children: e.children.map(toItem) } : { key: e.key, label: e.label };

/** The frame of every screen: the side menu, who is signed in, and the screen. */
export function AppLayout() {
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const roles = session?.roles ?? [];
  const menu = menuFor(roles);
  const selected = selectedKey(pathname, roles);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '20px 24px', fontSize: 18, fontWeight: 600, color: '#a00d25' }}>
          帮扶工作台
        </div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={menu.filter((e) => e.children).map((e) => e.key)}
            items={menu.map(toItem)}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            <Typography.Text>
              {session?.name}（{session?.roles.map((r) => labelOf(ROLE_LABELS, r)).join('、')}）
            </Typography.Text>
            <Button
              onClick={() => {
                signOut();
                void navigate('/login');
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        {/* antd's Layout.Content is the page's one <main> landmark. */}
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
