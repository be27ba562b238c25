import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { RouteError } from './RouteError';

/**
 * The login page is in the first chunk; the shell and every page load on demand, so that the first
 * page stays small.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./HomeRedirect')).HomeRedirect }) },
      { path: 'server-groups/:uuid?', lazy: () => import('../features/server-groups/route') },
      { path: 'virtual-id-groups/:uuid?', lazy: () => import('../features/virtual-id-groups/route') },
      { path: '*', lazy: async () => ({ Component: (await import('./NotFound')).NotFound }) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
