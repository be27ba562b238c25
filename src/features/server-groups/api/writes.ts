import type { AsyncRequest } from '../../../api/jobs';
import { splitBySize } from '../../../api/batch';
import { useJobMutation, type JobOutcome } from '../../../api/useJobMutation';
import type { RunPlan } from '../../../components/workbench/RunDialog';
import type { AddBackendParams } from '../schema';
import { useStoreGroup } from './group';
import { serverGroupKeys } from './keys';

const addPath = (group: string) => `/load-balancers/servergroups/${group}/backendservers`;
const removePath = (group: string) => `/load-balancers/servergroups/${group}/backendservers/actions`;
// singular: ZStack's path for ChangeLoadBalancerBackendServer
const changePath = (group: string) => `/load-balancers/servergroups/${group}/backendserver/actions`;

/** AddBackendServerToServerGroup: one request for every staged NIC and IP (they travel in the body). */
export function useAddBackendServers(
  groupUuid: string,
  onSuccess?: (params: AddBackendParams, outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<AddBackendParams>({
    request: (params) => ({ method: 'POST', path: addPath(groupUuid), body: { params } }),
    invalidates: () => [serverGroupKeys.detail(groupUuid)],
    onSuccess: (result, params, outcome) => {
      store(result, addPath(groupUuid));
      onSuccess?.(params, outcome);
    },
  });
}

export type BackendRef = { kind: 'nic'; uuid: string } | { kind: 'ip'; ipAddress: string };

export interface WeightChange {
  backend: BackendRef;
  weight: number;
}

export function changeWeightBody({ backend, weight }: WeightChange) {
  const w = String(weight);
  return {
    changeLoadBalancerBackendServer:
      backend.kind === 'nic'
        ? { vmNics: [{ uuid: backend.uuid, weight: w }] }
        : { servers: [{ ipAddress: backend.ipAddress, weight: w }] },
  };
}

/** ChangeLoadBalancerBackendServer for one backend. */
export function useChangeBackendWeight(
  groupUuid: string,
  onSuccess?: (change: WeightChange, outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<WeightChange>({
    request: (change) => ({ method: 'PUT', path: changePath(groupUuid), body: changeWeightBody(change) }),
    invalidates: () => [serverGroupKeys.detail(groupUuid)],
    onSuccess: (result, change, outcome) => {
      store(result, changePath(groupUuid));
      onSuccess?.(change, outcome);
    },
  });
}

/**
 * ChangeLoadBalancerBackendServer for several backends in one request (a drain, a restore): `body` as
 * changeWeightsBody (traffic/drain.ts) builds it; `tag` travels to `onSuccess` untouched.
 */
export function useChangeBackendWeights<Tag>(
  groupUuid: string,
  onSuccess?: (change: { body: object; tag: Tag }, outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<{ body: object; tag: Tag }>({
    request: (change) => ({ method: 'PUT', path: changePath(groupUuid), body: change.body }),
    invalidates: () => [serverGroupKeys.detail(groupUuid)],
    onSuccess: (result, change, outcome) => {
      store(result, changePath(groupUuid));
      onSuccess?.(change, outcome);
    },
  });
}

export function removeBody(backends: readonly BackendRef[]) {
  const vmNicUuids = backends.flatMap((b) => (b.kind === 'nic' ? [b.uuid] : []));
  const serverIps = backends.flatMap((b) => (b.kind === 'ip' ? [b.ipAddress] : []));
  return {
    removeBackendServerFromServerGroup: {
      ...(vmNicUuids.length ? { vmNicUuids } : {}),
      ...(serverIps.length ? { serverIps } : {}),
    },
  };
}

/**
 * Backends per RemoveBackendServerFromServerGroup call. Its lists travel in the body, so no request
 * line grows; a bound keeps each job (a reconfiguration of the load balancer) and its error about a known
 * set of backends, with progress in between.
 */
export const removeBatchSize = 500;

/** RemoveBackendServerFromServerGroup for one or several backends, in calls of `removeBatchSize`. */
export function removeBackendsPlan<T extends { ref: BackendRef }>(
  groupUuid: string,
  items: readonly T[],
): RunPlan<T> {
  const chunks = splitBySize(items, removeBatchSize);
  const requests: AsyncRequest[] = chunks.map((chunk) => ({
    method: 'PUT',
    path: removePath(groupUuid),
    body: removeBody(chunk.map((i) => i.ref)),
  }));
  return { chunks, requests };
}

export { removePath };
