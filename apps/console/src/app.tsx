import { lazy, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { ApiProvider } from './api/api-context';
import { queryClient } from './api/query-client';
import { AuthProvider, useAuth } from './auth/auth-context';
import { AppLayout } from './layout/app-layout';
import { homeFor } from './layout/menu';
import { page } from './pages/page';
import { approvalsRoutes } from './pages/approvals/routes';
import { auditRoutes } from './pages/audit/routes';
import { grantsRoutes } from './pages/grants/routes';
import { hardshipRoutes } from './pages/hardship/routes';
import { medicalAidRoutes } from './pages/medical-aid/routes';
import { peopleRoutes } from './pages/people/routes';
import { reportsRoutes } from './pages/reports/routes';
import { workbenchRoutes } from './pages/workbench/routes';

// Every screen is its own chunk: 工作台 loads only what it needs (CONSOLE.md, "Budgets"). Each
// programme's screens are listed in its own routes module.
const LoginPage = lazy(() => import('./pages/login-page'));
const AuthCallbackPage = lazy(() => import('./pages/auth-callback-page'));
const Upcoming = lazy(() => import('./pages/upcoming'));

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

function Home() {
  const { session } = useAuth();
  return <Navigate to={homeFor(session?.roles ?? [])} replace />;
}

const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  // The redirect URI of OpenID Connect sign-in (registered at the identity provider).
  { path: '/auth/callback', element: page(<AuthCallbackPage />) },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Home /> },
      ...workbenchRoutes,
      ...hardshipRoutes,
      ...grantsRoutes,
      ...medicalAidRoutes,
      ...approvalsRoutes,
      ...peopleRoutes,
      ...reportsRoutes,
      ...auditRoutes,
      { path: '*', element: page(<Upcoming title="页面不存在" missing />) },
    ],
  },
]);

const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      // No space put between two characters of a button ("建 档"): the label reads as written,
      // on screen and in a screen reader.
      button={{ autoInsertSpace: false }}
      theme={{
        // Components' styles come from antd's stylesheet (imported in main.tsx), not generated
        // in the browser on every first use: about a third less main-thread work before
        // 工作台 shows its counts (bench:console-workbench). The tokens below still apply, as the
        // CSS variables that stylesheet reads.
        zeroRuntime: true,
        // Secondary and description text darkened from antd's 45% black, and links from its
        // #1677ff (4.1:1 on white), to meet WCAG AA contrast (axe).
        token: {
          // A person who asked their system for less motion gets none: drawers, messages and field
          // errors appear at once (WCAG 2.3.3).
          motion: !prefersReducedMotion(),
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
