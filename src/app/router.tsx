import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { RouteError } from './RouteError';
import { requirePart } from '../i18n/i18n';

const shell = () => Promise.all([import('./AppRoot'), requirePart('app')]).then(([m]) => m);
const home = () => import('./HomeRedirect');
const serverGroups = () => import('../features/server-groups/route');
const virtualIdGroups = () => import('../features/virtual-id-groups/route');

/**
 * Once the admin starts typing on the login page, fetch what the login leads to (the shell and the
 * pages), so that the page after "Log in" does not wait for its code. The same module promises then
 * serve the routes' `lazy`.
 */
function prefetchAfterLogin(): void {
  for (const load of [shell, home, serverGroups, virtualIdGroups]) void load().catch(() => undefined);
}

/**
 * The login page is in the first chunk; the shell (with React Query) and every page load on demand, so
 * that the first page stays small.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage prefetch={prefetchAfterLogin} />, errorElement: <RouteError /> },
  {
    path: '/',
    lazy: async () => ({ Component: (await shell()).AppRoot }),
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await home()).HomeRedirect }) },
      { path: 'server-groups/:uuid?', lazy: serverGroups },
      { path: 'virtual-id-groups/:uuid?', lazy: virtualIdGroups },
      { path: '*', lazy: async () => ({ Component: (await import('./NotFound')).NotFound }) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
