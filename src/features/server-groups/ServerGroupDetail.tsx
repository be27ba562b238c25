import { Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { asZStackError } from '../../api/errors';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { AddBackendsForm } from './AddBackendsForm';
import { isUuid, loadBalancerQuery, serverGroupQuery } from './api';
import { BackendServersTable } from './BackendServersTable';
import { GroupNotFound } from './GroupNotFound';
import { LoadBalancerSummary } from './LoadBalancerSummary';

/** One server group: its load balancer, its backends, and the form to add more. */
export function ServerGroupDetail({ uuid }: { uuid: string }) {
  const group = useQuery(serverGroupQuery(uuid));
  const lbUuid = group.data?.loadBalancerUuid ?? '';
  const lb = useQuery({ ...loadBalancerQuery(lbUuid), enabled: !!lbUuid });

  if (!isUuid(uuid) || group.data === null) return <GroupNotFound uuid={uuid} />;
  if (group.isPending) {
    return (
      <Group gap="xs" role="status" aria-label="Loading server group">
        <Loader size="sm" />
        <Text>Loading the server group…</Text>
      </Group>
    );
  }
  if (!group.data) {
    return (
      <ZStackErrorAlert
        error={asZStackError(group.error)}
        action="load the server group"
        onRetry={() => void group.refetch()}
      />
    );
  }

  // A Shared load balancer takes no server IPs; ZStack's default type is Shared.
  const lbType = lb.data?.type ?? (lb.isSuccess ? 'Shared' : undefined);
  return (
    <Stack gap="lg">
      {group.isError ? (
        <ZStackErrorAlert
          error={asZStackError(group.error)}
          action="refresh the server group (showing what was loaded before)"
          onRetry={() => void group.refetch()}
        />
      ) : null}
      <LoadBalancerSummary group={group.data} lb={lb} />
      <BackendServersTable group={group.data} lbType={lbType} />
      <AddBackendsForm group={group.data} lbType={lbType} lbLoading={!!lbUuid && lb.isPending} />
    </Stack>
  );
}
