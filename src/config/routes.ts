import type { MessageKey } from '../i18n/keys';
import type { Capability } from '../session/capabilities';

/**
 * Every page of the console: its path, its name in the navigation, the capability it needs (a page the
 * identity may not read shows "No access" and is left out of the navigation), and a typed link builder.
 * Features link to each other's pages only through these builders.
 */
export interface PageRoute<Link extends unknown[]> {
  /** The route pattern under "/", as react-router reads it. */
  pattern: string;
  /** Its name in the navigation, a catalogue key. */
  label: MessageKey;
  capability: Capability;
  /** The start of every URL of this page (the navigation marks the page active under it). */
  base: string;
  link: (...args: Link) => string;
}

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

const serverGroups: PageRoute<[group?: string]> = {
  pattern: 'server-groups/:uuid?',
  label: 'app.nav.serverGroups',
  capability: 'queryServerGroups',
  base: '/server-groups',
  link: (group) => (group ? `/server-groups/${encodeURIComponent(group)}` : '/server-groups'),
};

const virtualIdGroups: PageRoute<[to?: { group?: string; project?: string }]> = {
  pattern: 'virtual-id-groups/:uuid?',
  label: 'app.nav.virtualIdGroups',
  capability: 'queryGroups',
  base: '/virtual-id-groups',
  link: ({ group, project } = {}) =>
    group ? `/virtual-id-groups/${encodeURIComponent(group)}` : withQuery('/virtual-id-groups', { project }),
};

export const routes = {
  login: '/login',
  home: '/',
  serverGroups,
  virtualIdGroups,
} as const;

/** The pages in the order of the navigation. */
export const pages = [serverGroups, virtualIdGroups] as const;
