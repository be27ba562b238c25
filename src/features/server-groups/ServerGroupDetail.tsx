import { Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../config/routes';
import { NotFound, notShownText } from '../../components/workbench/NotFound';
import { ReadOnlyNotice, type Blocked } from '../../components/workbench/ReadOnlyNotice';
import { useCapabilities } from '../../session/capabilities';
import { AddBackends } from './AddBackends';
import { serverGroupQuery } from './api/group';
import { loadBalancerQuery } from './api/load-balancer';
import { isUuid } from './api/keys';
import { Backends } from './Backends';
import { LoadBalancerSummary } from './LoadBalancerSummary';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

const orphanReason =
  'This group belongs to no load balancer (it was deleted): ZStack adds no backends to it.';

/** One server group: its load balancer, what this identity may not do, adding backends, its backends. */
export function ServerGroupDetail({ uuid }: { uuid: string }) {
  const client = useQueryClient();
  const group = useQuery(serverGroupQuery(client, uuid));
  const lbUuid = group.data?.loadBalancerUuid ?? '';
  const lb = useQuery({ ...loadBalancerQuery(lbUuid), enabled: !!lbUuid });
  const { can } = useCapabilities();

  if (!isUuid(uuid) || group.data === null)
    return (
      <NotFound
        title="Server group not found"
        text={notShownText('server group', uuid)}
        link={{ to: routes.serverGroups.link(), label: 'Go back to the server groups page' }}
      />
    );
  if (group.isPending)
    return (
      <Group gap="xs" role="status" aria-label="Loading server group">
        <Loader size="sm" />
        <Text>Loading the server group…</Text>
      </Group>
    );
  if (!group.data) return <QueryErrorAlert query={group} action="load the server group" />;

  // A Shared load balancer takes no server IPs; ZStack's default type is Shared.
  const lbType = lb.data?.type ?? (lb.isSuccess ? 'Shared' : undefined);
  const add = can('addBackends');
  const change = can('changeBackends');
  const remove = can('removeBackends');
  const orphan = !group.data.loadBalancerUuid;
  const blocked: Blocked[] = [
    ...(add.allowed
      ? orphan
        ? [{ what: 'Adding backends', reason: orphanReason }]
        : []
      : [{ what: 'Adding backends', reason: add.reason ?? '' }]),
    ...(change.allowed ? [] : [{ what: 'Changing weights', reason: change.reason ?? '' }]),
    ...(remove.allowed ? [] : [{ what: 'Removing backends', reason: remove.reason ?? '' }]),
  ];
  const canAdd = add.allowed && !orphan;
  return (
    <Stack gap="md">
      {group.isError ? (
        <QueryErrorAlert query={group} action="refresh the server group (showing what was loaded before)" />
      ) : null}
      <LoadBalancerSummary group={group.data} lb={lb} />
      <ReadOnlyNotice
        noun="server group"
        blocked={blocked}
        readOnly={!canAdd && !change.allowed && !remove.allowed}
      />
      {canAdd ? (
        <AddBackends group={group.data} lb={lb.data} lbType={lbType} lbLoading={!!lbUuid && lb.isPending} />
      ) : null}
      <Backends
        group={group.data}
        lb={lb.data}
        lbType={lbType}
        canChange={change.allowed}
        canRemove={remove.allowed}
      />
    </Stack>
  );
}
