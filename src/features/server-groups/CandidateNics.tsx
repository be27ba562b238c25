import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServerGroup } from '../../api/schemas';
import { SearchList } from '../../components/workbench/SearchList';
import { useT } from '../../i18n/react';
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
  const t = useT();
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
    return <QueryErrorAlert query={networks} action={t('backends.nics.networksAction')} />;
  return (
    <SearchList<CandidateNic>
      label={t('backends.nics.label')}
      description={t('backends.nics.help')}
      placeholder={t('backends.nics.placeholder')}
      queryKey={serverGroupKeys.candidates(group.uuid, `${signature}.${networks.data?.size ?? '-'}`)}
      search={(text, signal) => searchCandidateNics(scope, text, signal)}
      itemKey={(nic) => nic.uuid}
      itemText={(nic) => ({ primary: nic.vmName, secondary: `${nic.ip} · ${nic.l3Name}` })}
      itemDisabledReason={(nic) => (nic.blocked ? t(nic.blocked, { ip: nic.ip }) : undefined)}
      chosen={chosen}
      onToggle={onToggle}
      disabled={disabled || !networks.data}
      emptyText={networks.data?.size === 0 ? t('backends.nics.noNetwork') : t('backends.nics.empty')}
      searchAction={t('backends.nics.searchAction')}
    />
  );
}
