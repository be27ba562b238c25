import { Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EntityPicker } from '../../components/EntityPicker';
import {
  isUuid,
  loadBalancerQuery,
  searchServerGroups,
  serverGroupKeys,
  serverGroupQuery,
  type GroupOption,
} from './api';

export interface ServerGroupPickerProps {
  /** The group in the URL, if any. */
  selectedUuid?: string;
  onChange: (group: GroupOption) => void;
}

/** "Server group": finds groups by their name or their load balancer's name, on the server. */
export function ServerGroupPicker({ selectedUuid, onChange }: ServerGroupPickerProps) {
  const client = useQueryClient();
  // The chosen group's name comes from the same queries the page below uses (no extra request).
  const group = useQuery({
    ...serverGroupQuery(selectedUuid ?? ''),
    enabled: !!selectedUuid && isUuid(selectedUuid),
  });
  const lbUuid = group.data?.loadBalancerUuid ?? '';
  const lb = useQuery({ ...loadBalancerQuery(lbUuid), enabled: !!lbUuid });
  const value: GroupOption | null = group.data
    ? {
        uuid: group.data.uuid,
        name: group.data.name,
        loadBalancerUuid: lbUuid || undefined,
        loadBalancerName: lb.data?.name,
      }
    : null;

  return (
    <EntityPicker<GroupOption>
      label="Server group"
      description="Search by the group's name or its load balancer's name"
      placeholder="Type to search server groups"
      queryKey={serverGroupKeys.search()}
      search={(text, signal) => searchServerGroups(client, text, signal)}
      itemKey={(g) => g.uuid}
      itemLabel={(g) => g.name}
      renderItem={(g) => (
        <>
          <Text size="sm">{g.name}</Text>
          <Text size="xs" c="dimmed">
            Load balancer: {g.loadBalancerName ?? g.loadBalancerUuid ?? 'none'}
          </Text>
        </>
      )}
      value={value}
      onChange={(g) => {
        if (g) onChange(g);
      }}
      emptyText="No server group or load balancer has that name"
    />
  );
}
