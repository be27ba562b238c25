import type { ReactNode } from 'react';
import { Badge, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { LoadBalancer, ServerGroup } from '../../api/schemas';
import { useT } from '../../i18n/react';
import { vipQuery } from './api/load-balancer';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/SimpleGrid.css';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ListenerTraffic } from './traffic/ListenerTraffic';
import { useGroupTraffic } from './traffic/useGroupTraffic';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function VipAddress({ vipUuid }: { vipUuid: string }) {
  const vip = useQuery(vipQuery(vipUuid));
  const t = useT();
  if (vip.isPending) return <Loader size="xs" aria-label={t('serverGroups.lb.loadingVip')} />;
  if (vip.isError) return <>{t('serverGroups.lb.vipUnavailable', { code: vip.error.code })}</>;
  return <>{vip.data?.ip ?? vip.data?.name ?? vipUuid}</>;
}

export interface LoadBalancerSummaryProps {
  group: ServerGroup;
  lb: UseQueryResult<LoadBalancer | null>;
}

/** The group's load balancer (name, type, VIP) and its listeners, marking those that use this group. */
export function LoadBalancerSummary({ group, lb }: LoadBalancerSummaryProps) {
  const t = useT();
  const traffic = useGroupTraffic(group, lb.data);
  const usedBy = new Set(
    (group.listenerServerGroupRefs ?? []).map((r) => r.listenerUuid).filter((u): u is string => !!u),
  );
  let body: ReactNode;
  if (!group.loadBalancerUuid) body = <Text size="sm">{t('serverGroups.lb.noneForGroup')}</Text>;
  else if (lb.isPending) body = <Loader size="sm" aria-label={t('serverGroups.lb.loading')} />;
  else if (lb.isError) body = <QueryErrorAlert query={lb} action={t('serverGroups.lb.loadAction')} />;
  else if (!lb.data)
    body = <Text size="sm">{t('serverGroups.lb.gone', { uuid: group.loadBalancerUuid })}</Text>;
  else {
    const listeners = lb.data.listeners ?? [];
    body = (
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Field label={t('serverGroups.lb.name')}>{lb.data.name}</Field>
          <Field label={t('serverGroups.lb.type')}>
            <Badge
              variant="light"
              color={lb.data.type === 'SLB' ? 'teal' : 'gray'}
              tt="none"
              data-zstack-text
            >
              {lb.data.type ?? 'Shared'}
            </Badge>
          </Field>
          <Field label={t('serverGroups.lb.vip')}>
            {lb.data.vipUuid ? <VipAddress vipUuid={lb.data.vipUuid} /> : t('serverGroups.lb.noVip')}
          </Field>
          <Field label={t('serverGroups.lb.state')}>
            {lb.data.state ? (
              <span data-zstack-text>{lb.data.state}</span>
            ) : (
              t('serverGroups.lb.unknownState')
            )}
          </Field>
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('serverGroups.lb.listeners')}
          </Text>
          {listeners.length === 0 ? (
            <Text size="sm">{t('serverGroups.lb.noListeners')}</Text>
          ) : (
            <List size="sm" spacing={2} aria-label={t('serverGroups.lb.listeners')}>
              {listeners.map((l) => (
                <List.Item key={l.uuid}>
                  {l.name} · {l.protocol?.toUpperCase() ?? '?'} {l.loadBalancerPort ?? '?'} →{' '}
                  {l.instancePort ?? '?'}
                  {usedBy.has(l.uuid) ? (
                    <Badge ml="xs" size="xs" variant="light" tt="none">
                      {t('serverGroups.lb.usesGroup')}
                    </Badge>
                  ) : null}
                  <ListenerTraffic traffic={traffic} listenerUuid={l.uuid} instancePort={l.instancePort} />
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sg-lb-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} id="sg-lb-heading" size="h4">
            {t('serverGroups.lb.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('serverGroups.lb.group', { name: group.name, uuid: group.uuid })}
          </Text>
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
