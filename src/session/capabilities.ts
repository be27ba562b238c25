import { useQuery } from '@tanstack/react-query';
import { zstack } from '../api/client';
import { isSessionError } from '../api/errors';
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

const iam2Capabilities = new Set<Capability>(['queryGroups', 'addGroupMembers', 'removeGroupMembers']);

/**
 * What the identity alone rules out, whatever the permission APIs say: IAM2 is not for IAM1 accounts, and
 * a virtual ID outside any project (and not a platform admin) can touch nothing project-scoped.
 * Returns the reason, or undefined when the identity allows it.
 */
export function identityForbids(identity: Identity | undefined, capability: Capability): string | undefined {
  if (!identity) return 'Nobody is logged in.';
  if (identity.kind === 'account') {
    return identity.accountType !== 'SystemAdmin' && iam2Capabilities.has(capability)
      ? `Account ${identity.name} is a normal account: IAM2 groups are managed by the admin account and IAM2 virtual IDs.`
      : undefined;
  }
  if (hasAttribute(identity, '__PlatformAdmin__') || identity.projectUuid) return undefined;
  return `Virtual ID ${identity.name} is not logged in to a project: log in again and choose one.`;
}

async function checkApiPermission(names: string[], signal: AbortSignal): Promise<Verdicts> {
  const data = await zstack.put<{ inventory?: Verdicts }>(
    '/accounts/permissions/actions',
    { checkApiPermission: { apiNames: names } },
    { signal },
  );
  return data.inventory ?? {};
}

/** GetIAM2VirtualIDAPIPermission: the same hint, asked the IAM2 way. */
async function virtualIdApiPermission(names: string[], signal: AbortSignal): Promise<Verdicts> {
  const data = await zstack.get<{ permissions?: Record<string, { allow?: boolean }> }>(
    '/iam2/virtual-ids/api-permissions',
    { apisToCheck: names },
    { signal },
  );
  const verdicts: Verdicts = {};
  for (const [api, p] of Object.entries(data.permissions ?? {})) verdicts[api] = p.allow ? 'Allow' : 'Deny';
  return verdicts;
}

export function useCapabilities(): Capabilities {
  const { status, identity } = useSessionState();
  const names = Object.values(apis);
  const query = useQuery({
    queryKey: [...capabilityKey, identity?.kind, identity?.name, identity?.projectUuid ?? ''],
    queryFn: async ({ signal }): Promise<Verdicts> => {
      try {
        return await checkApiPermission(names, signal);
      } catch (e) {
        // A node without CheckApiPermission for this identity: ask the IAM2 way, else go on the identity.
        if (identity?.kind === 'virtualId')
          return virtualIdApiPermission(names, signal).catch((): Verdicts => ({}));
        if (isSessionError(e)) throw e;
        const none: Verdicts = {};
        return none;
      }
    },
    enabled: status === 'active',
    staleTime: 5 * 60_000,
    retry: false,
  });
  const verdicts = query.data;
  return {
    ready: !query.isPending || status !== 'active',
    can: (capability) => {
      const forbidden = identityForbids(identity, capability);
      if (forbidden) return { allowed: false, reason: forbidden };
      const api = apis[capability];
      if (verdicts?.[api] === undefined || verdicts[api] === 'Allow') return { allowed: true };
      return {
        allowed: false,
        reason: `${identity?.name ?? 'This identity'} lacks the ${apiShortName(api)} permission${
          identity?.projectName ? ` in project ${identity.projectName}` : ''
        }.`,
      };
    },
  };
}
