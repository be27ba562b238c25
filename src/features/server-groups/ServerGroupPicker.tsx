import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EntityPicker } from '../../components/workbench/EntityPicker';
import { useT } from '../../i18n/react';
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
  const t = useT();
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
      label={t('serverGroups.picker')}
      description={t('serverGroups.pickerHelp')}
      placeholder={t('serverGroups.pickerPlaceholder')}
      queryKey={serverGroupKeys.search()}
      search={(text, signal) => searchServerGroups(client, text, signal)}
      itemKey={(g) => g.uuid}
      itemText={(g) => ({
        primary: g.name,
        secondary:
          (g.loadBalancerName ?? g.loadBalancerUuid)
            ? t('serverGroups.optionLb', { name: g.loadBalancerName ?? g.loadBalancerUuid ?? '' })
            : t('serverGroups.optionNoLb'),
      })}
      value={value}
      onChange={onChange}
      emptyText={t('serverGroups.pickerEmpty')}
      searchAction={t('serverGroups.searchAction')}
    />
  );
}
