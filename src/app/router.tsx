import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { pages, routes, type PageRoute } from '../config/routes';
import { LoginPage } from '../features/auth/LoginPage';
import { RouteError } from './RouteError';
import { requirePart } from '../i18n/i18n';

const shell = () => Promise.all([import('./AppRoot'), requirePart('app')]).then(([m]) => m);
const home = () => import('./HomeRedirect');
// the server groups page speaks of traffic (listeners' algorithms, shares, health, drains) in a part of its own
const serverGroups = () =>
  Promise.all([import('../features/server-groups/ServerGroupsPage'), requirePart('traffic')]).then(
    ([m]) => m,
  );
const virtualIdGroups = () => import('../features/virtual-id-groups/VirtualIdGroupsPage');

/**
 * Once the admin starts typing on the login page, fetch what the login leads to (the shell and the
 * pages), so that the page after "Log in" does not wait for its code. The same module promises then
 * serve the routes' `lazy`.
 */
function prefetchAfterLogin(): void {
  for (const load of [shell, home, serverGroups, virtualIdGroups]) void load().catch(() => undefined);
}

/**
 * A page route from src/config/routes.ts: its code on demand, behind the capability it needs (the check
 * comes with the page's code: it needs React Query, which the login page does without).
 */
function page(route: PageRoute<never[]>, load: () => Promise<ComponentType>) {
  return {
    path: route.pattern,
    lazy: async () => {
      const [{ RequireCapability }, Page] = await Promise.all([import('./RequireCapability'), load()]);
      return {
        Component: () => (
          <RequireCapability capability={route.capability}>
            <Page />
          </RequireCapability>
        ),
      };
    },
  };
}

/**
 * The login page is in the first chunk; the shell (with React Query) and every page load on demand, so
 * that the first page stays small.
 */
export const router = createBrowserRouter([
  { path: routes.login, element: <LoginPage prefetch={prefetchAfterLogin} />, errorElement: <RouteError /> },
  {
    path: routes.home,
    lazy: async () => ({ Component: (await shell()).AppRoot }),
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await home()).HomeRedirect }) },
      page(pages[0], async () => (await serverGroups()).ServerGroupsPage),
      page(pages[1], async () => (await virtualIdGroups()).VirtualIdGroupsPage),
      { path: '*', lazy: async () => ({ Component: (await import('./NotFound')).NotFound }) },
    ],
  },
  { path: '*', element: <Navigate to={routes.home} replace /> },
]);
