import type { Capability } from '../session/capabilities';

/** The navigation, with the capability each page needs: pages the identity cannot read are not listed. */
export const navItems: { to: string; label: string; capability: Capability }[] = [
  { to: '/server-groups', label: 'Server groups', capability: 'queryServerGroups' },
  { to: '/virtual-id-groups', label: 'Virtual ID groups', capability: 'queryGroups' },
];
