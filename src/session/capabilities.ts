import { useQuery } from '@tanstack/react-query';
import { zstack } from '../api/client';
import { isSessionError } from '../api/errors';
import { capabilityKey } from '../api/queryClient';
import type { MessageKey } from '../i18n/keys';
import { useT, type Translate } from '../i18n/react';
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

/** What each capability is called in the UI ("you do not have permission to ..."), as catalogue keys. */
export const capabilityLabels: Record<Capability, MessageKey> = {
  queryServerGroups: 'caps.queryServerGroups',
  addBackends: 'caps.addBackends',
  changeBackends: 'caps.changeBackends',
  removeBackends: 'caps.removeBackends',
  queryGroups: 'caps.queryGroups',
  addGroupMembers: 'caps.addGroupMembers',
  removeGroupMembers: 'caps.removeGroupMembers',
};

const apiShortName = (api: string) => api.replace(/^.*\.API/, '').replace(/Msg$/, '');

export interface CapabilityCheck {
  allowed: boolean;
  /** Why not, naming the missing permission, in the language shown now. */
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
export function identityForbids(
  t: Translate,
  identity: Identity | undefined,
  capability: Capability,
): string | undefined {
  if (!identity) return t('caps.reason.nobody');
  const { name } = identity;
  if (identity.kind === 'account') {
    return identity.accountType !== 'SystemAdmin' && iam2Capabilities.has(capability)
      ? t('caps.reason.normalAccount', { name })
      : undefined;
  }
  if (hasAttribute(identity, '__PlatformAdmin__') || identity.projectUuid) return undefined;
  return t('caps.reason.noProject', { name });
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
  const t = useT();
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
      const forbidden = identityForbids(t, identity, capability);
      if (forbidden) return { allowed: false, reason: forbidden };
      const api = apis[capability];
      if (verdicts?.[api] === undefined || verdicts[api] === 'Allow') return { allowed: true };
      const values = { name: identity?.name ?? t('caps.reason.thisIdentity'), api: apiShortName(api) };
      return {
        allowed: false,
        reason: identity?.projectName
          ? t('caps.reason.lacksInProject', { ...values, project: identity.projectName })
          : t('caps.reason.lacks', values),
      };
    },
  };
}
