import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { ApiProvider } from './api/api-context';
import { AuthProvider, useAuth } from './auth/auth-context';
import { AppLayout } from './layout/app-layout';

// Every screen is its own chunk: 工作台 loads only what it needs (CONSOLE.md, "Budgets").
const LoginPage = lazy(() => import('./pages/login-page'));
const Workbench = lazy(() => import('./pages/workbench'));
const CaseList = lazy(() => import('./pages/case-list'));
const CaseFile = lazy(() => import('./pages/case-file'));
const OpenCase = lazy(() => import('./pages/open-case'));
const Referrals = lazy(() => import('./pages/referrals'));
const Upcoming = lazy(() => import('./pages/upcoming'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, staleTime: 10_000, refetchOnWindowFocus: false } },
});

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 64 }} tip="正在加载" />}>{node}</Suspense>
);

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: page(<Workbench />) },
      { path: 'cases', element: page(<CaseList />) },
      { path: 'cases/new', element: page(<OpenCase />) },
      { path: 'cases/:caseId', element: page(<CaseFile />) },
      { path: 'referrals', element: page(<Referrals />) },
      { path: 'grants', element: page(<Upcoming title="金秋助学" />) },
      { path: 'medical-aid', element: page(<Upcoming title="医疗互助" />) },
      { path: 'people', element: page(<Upcoming title="人员查询" />) },
      { path: '*', element: page(<Upcoming title="页面不存在" missing />) },
    ],
  },
]);

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      // No space put between two characters of a button ("建 档"): the label reads as written,
      // on screen and in a screen reader.
      button={{ autoInsertSpace: false }}
      theme={{
        // Secondary and description text darkened from antd's 45% black, and links from its
        // #1677ff (4.1:1 on white), to meet WCAG AA contrast (axe).
        token: {
          colorPrimary: '#c8102e',
          colorLink: '#0958d9',
          borderRadius: 4,
          colorTextSecondary: '#595959',
          colorTextDescription: '#595959',
          colorTextTertiary: '#595959',
          colorTextPlaceholder: '#767676',
          colorTextQuaternary: '#767676',
        },
      }}
    >
      <AntApp>
        <AuthProvider>
          <ApiProvider>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </ApiProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
