import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ServerGroup } from '../../api/schemas';
import { EntityPicker } from '../../components/EntityPicker';
import { searchCandidateNics, serverGroupKeys, type CandidateNic } from './api';

export const nicLabel = (nic: CandidateNic) => `${nic.vmName} · ${nic.ip} · ${nic.l3Name}`;

/** A short fingerprint of the group's members: the candidate search is cached per member set. */
function membersSignature(group: ServerGroup): string {
  let hash = 5381;
  const text = [
    ...(group.vmNicRefs ?? []).map((r) => r.vmNicUuid),
    ...(group.serverIps ?? []).map((s) => s.ipAddress),
  ].join(',');
  for (let i = 0; i < text.length; i += 1) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return `${group.vmNicRefs?.length ?? 0}.${group.serverIps?.length ?? 0}.${hash >>> 0}`;
}

export interface CandidateNicPickerProps {
  group: ServerGroup;
  value: CandidateNic[];
  onChange: (value: CandidateNic[]) => void;
  disabled?: boolean;
}

/**
 * "VM NICs": NICs that may join the group, searched on the server by VM name or IP; members of the group
 * are left out by the query itself.
 */
export function CandidateNicPicker({ group, value, onChange, disabled }: CandidateNicPickerProps) {
  const client = useQueryClient();
  const scope = {
    groupUuid: group.uuid,
    ips: (group.serverIps ?? []).map((s) => s.ipAddress),
    ipVersion: group.ipVersion,
  };
  return (
    <EntityPicker<CandidateNic>
      multiple
      label="VM NICs"
      description="NICs on networks with the load balancer service, not yet in this group. Search by VM name or IP."
      placeholder="Type a VM name or an IP"
      queryKey={serverGroupKeys.candidates(group.uuid, membersSignature(group))}
      search={(text, signal) => searchCandidateNics(client, scope, text, signal)}
      itemKey={(nic) => nic.uuid}
      itemLabel={nicLabel}
      renderItem={(nic) => (
        <>
          <Text size="sm">{nic.vmName}</Text>
          <Text size="xs" c="dimmed">
            {nic.ip} · {nic.l3Name}
          </Text>
        </>
      )}
      value={value}
      onChange={onChange}
      disabled={disabled}
      emptyText="No NIC that may join this group matches"
    />
  );
}
