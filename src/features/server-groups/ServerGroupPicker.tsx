import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EntityPicker } from '../../components/workbench/EntityPicker';
import { serverGroupQuery } from './api/group';
import { loadBalancerQuery } from './api/load-balancer';
import { isUuid, serverGroupKeys } from './api/keys';
import { searchServerGroups, type GroupOption } from './api/search-server-groups';

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
    ...serverGroupQuery(client, selectedUuid ?? ''),
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
      itemText={(g) => ({
        primary: g.name,
        secondary: `Load balancer: ${g.loadBalancerName ?? g.loadBalancerUuid ?? 'none'}`,
      })}
      value={value}
      onChange={onChange}
      emptyText="No server group or load balancer has that name"
      searchAction="search server groups"
    />
  );
}
