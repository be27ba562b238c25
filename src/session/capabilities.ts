import { useQuery } from '@tanstack/react-query';
import { zstack } from '../api/client';
import { capabilityKey } from '../api/queryClient';
import { useSessionState, type Identity } from './store';

/**
 * The capability model: what this identity may do, in one place for navigation and pages. ZStack's
 * CheckApiPermission answers per API; the identity (account type, IAM2 role attributes) fills in where
 * the node does not answer. These are hints: the server stays the authority.
 */
export const apis = {
  queryServerGroups: 'org.zstack.network.service.lb.APIQueryLoadBalancerServerGroupMsg',
  addBackends: 'org.zstack.network.service.lb.APIAddBackendServerToServerGroupMsg',
  changeBackends: 'org.zstack.network.service.lb.APIChangeLoadBalancerBackendServerMsg',
  removeBackends: 'org.zstack.network.service.lb.APIRemoveBackendServerFromServerGroupMsg',
  queryGroups: 'org.zstack.iam2.api.APIQueryIAM2VirtualIDGroupMsg',
  addGroupMembers: 'org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg',
  removeGroupMembers: 'org.zstack.iam2.api.APIRemoveIAM2VirtualIDsFromGroupMsg',
} as const;

export type Capability = keyof typeof apis;

/** What each capability is called in the UI ("you do not have permission to ..."). */
export const capabilityLabels: Record<Capability, string> = {
  queryServerGroups: 'view server groups',
  addBackends: 'add backend servers',
  changeBackends: 'change backend weights',
  removeBackends: 'remove backend servers',
  queryGroups: 'view virtual ID groups',
  addGroupMembers: 'add virtual IDs to groups',
  removeGroupMembers: 'remove virtual IDs from groups',
};

const apiShortName = (api: string) => api.replace(/^.*\.API/, '').replace(/Msg$/, '');

export interface CapabilityCheck {
  allowed: boolean;
  /** Why not, naming the missing permission. */
  reason?: string;
}

export interface Capabilities {
  ready: boolean;
  can: (capability: Capability) => CapabilityCheck;
}

type Verdicts = Partial<Record<string, 'Allow' | 'Deny' | string>>;

const hasAttribute = (identity: Identity, name: string) =>
  identity.attributes?.some((a) => a.name === name) ?? false;

/** What the identity alone says, for when the node gives no answer. */
export function identityAllows(identity: Identity | undefined, capability: Capability): boolean {
  if (!identity) return false;
  const iam2 =
    capability === 'queryGroups' || capability === 'addGroupMembers' || capability === 'removeGroupMembers';
  if (identity.kind === 'account') return identity.accountType === 'SystemAdmin' || !iam2;
  if (hasAttribute(identity, '__PlatformAdmin__')) return true;
  return !!identity.projectUuid;
}

export function useCapabilities(): Capabilities {
  const { status, identity } = useSessionState();
  const names = Object.values(apis);
  const query = useQuery({
    queryKey: [...capabilityKey, identity?.kind, identity?.name, identity?.projectUuid ?? ''],
    queryFn: async ({ signal }) => {
      const data = await zstack.put<{ inventory?: Verdicts }>(
        '/accounts/permissions/actions',
        { checkApiPermission: { apiNames: names } },
        { signal },
      );
      return data.inventory ?? {};
    },
    enabled: status === 'active',
    staleTime: 5 * 60_000,
    retry: false,
  });
  const verdicts = query.data;
  return {
    ready: !query.isPending || status !== 'active',
    can: (capability) => {
      const api = apis[capability];
      const verdict = verdicts?.[api];
      const allowed = verdict ? verdict === 'Allow' : identityAllows(identity, capability);
      return allowed
        ? { allowed }
        : {
            allowed,
            reason: `${identity?.name ?? 'This identity'} lacks the ${apiShortName(api)} permission${
              identity?.projectName ? ` in project ${identity.projectName}` : ''
            }.`,
          };
    },
  };
}
