import { Badge, Group, Loader, Text } from '@mantine/core';
import { useT } from '../../../i18n/react';
import { algorithmLabel, healthCheckLines } from './listenerSettings';
import { useTrafficText } from './ShareCells';
import type { GroupTraffic } from './useGroupTraffic';

/**
 * A listener's balancing algorithm and health check, under its line in the load balancer summary (from
 * the one QuerySystemTag read of the group's listeners).
 */
export function ListenerTraffic({
  traffic,
  listenerUuid,
  instancePort,
}: {
  traffic: GroupTraffic;
  listenerUuid: string;
  instancePort?: number | null;
}) {
  const t = useT();
  const text = useTrafficText();
  const { settings } = traffic;
  if (!traffic.listenerUuids.includes(listenerUuid)) return null;
  if (settings.isPending) return <Loader size="xs" ml="xs" aria-label={t('traffic.summary.loading')} />;
  const s = settings.data?.get(listenerUuid);
  if (!s) return null;
  const { label, note } = algorithmLabel(s);
  const lines = healthCheckLines(s.healthCheck, instancePort);
  return (
    <div>
      <Group gap={6} mt={2}>
        <Badge size="sm" variant="outline" tt="none" color="indigo">
          {text(label)}
        </Badge>
        {note ? (
          <Text size="xs" c="dimmed" span>
            {text(note)}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {lines.length ? lines.map((l) => text(l)).join(' · ') : t('traffic.summary.noHealthCheck')}
      </Text>
    </div>
  );
}
