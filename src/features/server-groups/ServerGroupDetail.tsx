import { Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../config/routes';
import { NotFound, notShownText } from '../../components/workbench/NotFound';
import { ReadOnlyNotice, type Blocked } from '../../components/workbench/ReadOnlyNotice';
import { useT } from '../../i18n/react';
import { useCapabilities } from '../../session/capabilities';
import { AddBackends } from './AddBackends';
import { serverGroupQuery } from './api/group';
import { loadBalancerQuery } from './api/load-balancer';
import { isUuid } from './api/keys';
import { Backends } from './Backends';
import { LoadBalancerSummary } from './LoadBalancerSummary';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

/** One server group: its load balancer, what this identity may not do, adding backends, its backends. */
export function ServerGroupDetail({ uuid }: { uuid: string }) {
  const client = useQueryClient();
  const group = useQuery(serverGroupQuery(client, uuid));
  const lbUuid = group.data?.loadBalancerUuid ?? '';
  const lb = useQuery({ ...loadBalancerQuery(lbUuid), enabled: !!lbUuid });
  const { can } = useCapabilities();
  const t = useT();

  if (!isUuid(uuid) || group.data === null)
    return (
      <NotFound
        title={t('serverGroups.notFound')}
        text={notShownText(t('serverGroups.one'), uuid)}
        link={{ to: routes.serverGroups.link(), label: t('serverGroups.back') }}
      />
    );
  if (group.isPending)
    return (
      <Group gap="xs" role="status" aria-label={t('serverGroups.loadingLabel')}>
        <Loader size="sm" />
        <Text>{t('serverGroups.loading')}</Text>
      </Group>
    );
  if (!group.data) return <QueryErrorAlert query={group} action={t('serverGroups.loadAction')} />;

  // A Shared load balancer takes no server IPs; ZStack's default type is Shared.
  const lbType = lb.data?.type ?? (lb.isSuccess ? 'Shared' : undefined);
  const add = can('addBackends');
  const change = can('changeBackends');
  const remove = can('removeBackends');
  const orphan = !group.data.loadBalancerUuid;
  const adding = t('serverGroups.blocked.add');
  const blocked: Blocked[] = [
    ...(add.allowed
      ? orphan
        ? [{ what: adding, reason: t('serverGroups.orphanReason') }]
        : []
      : [{ what: adding, reason: add.reason ?? '' }]),
    ...(change.allowed ? [] : [{ what: t('serverGroups.blocked.change'), reason: change.reason ?? '' }]),
    ...(remove.allowed ? [] : [{ what: t('serverGroups.blocked.remove'), reason: remove.reason ?? '' }]),
  ];
  const canAdd = add.allowed && !orphan;
  return (
    <Stack gap="md">
      {group.isError ? <QueryErrorAlert query={group} action={t('serverGroups.refreshAction')} /> : null}
      <LoadBalancerSummary group={group.data} lb={lb} />
      <ReadOnlyNotice
        noun={t('serverGroups.one')}
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
