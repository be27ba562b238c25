import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServerGroup } from '../../api/schemas';
import { SearchList } from '../../components/workbench/SearchList';
import { groupNetworksQuery, searchCandidateNics, type CandidateNic } from './api/candidates';
import { serverGroupKeys } from './api/keys';
import { membersSignature } from './backends';
import { canonicalIp } from './ip';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

export interface CandidateNicsProps {
  group: ServerGroup;
  /** NIC uuids staged so far. */
  chosen: ReadonlySet<string>;
  onToggle: (nic: CandidateNic, chosen: boolean) => void;
  disabled?: boolean;
}

/**
 * "VM NICs": the NICs that may join the group (what ZStack's candidate API offers), searched on the
 * server by VM name or IP; members of the group are marked and cannot be chosen.
 */
export function CandidateNics({ group, chosen, onToggle, disabled }: CandidateNicsProps) {
  const networks = useQuery({
    ...groupNetworksQuery(group.uuid),
    enabled: !!group.loadBalancerUuid,
  });
  const signature = useMemo(() => membersSignature(group), [group]);
  const scope = useMemo(
    () => ({
      networks: networks.data ?? new Map<string, string>(),
      memberNics: new Set((group.vmNicRefs ?? []).map((r) => r.vmNicUuid)),
      serverIps: new Set((group.serverIps ?? []).map((s) => canonicalIp(s.ipAddress))),
      ipVersion: group.ipVersion,
    }),
    [group, networks.data],
  );
  if (networks.isError)
    return <QueryErrorAlert query={networks} action="find the networks this group's load balancer reaches" />;
  return (
    <SearchList<CandidateNic>
      label="VM NICs"
      description="NICs of VMs on the networks this group's load balancer reaches. Search by VM name or IP; NICs already in this group are marked."
      placeholder="Type a VM name or an IP"
      queryKey={serverGroupKeys.candidates(group.uuid, `${signature}.${networks.data?.size ?? '-'}`)}
      search={(text, signal) => searchCandidateNics(scope, text, signal)}
      itemKey={(nic) => nic.uuid}
      itemText={(nic) => ({ primary: nic.vmName, secondary: `${nic.ip} · ${nic.l3Name}` })}
      itemDisabledReason={(nic) => nic.blocked}
      chosen={chosen}
      onToggle={onToggle}
      disabled={disabled || !networks.data}
      emptyText={
        networks.data?.size === 0
          ? 'The load balancer of this group reaches no network with the LoadBalancer service'
          : 'No NIC that may join this group matches'
      }
      searchAction="search VM NICs"
    />
  );
}
