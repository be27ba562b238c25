import { Badge, Stack, Text, type MantineColor } from '@mantine/core';
import { useT } from '../../../i18n/react';
import { backendStatus, type Tone } from './status';
import { healthDisplay, healthOf, type MetricAnswer } from './zwatch';
import { useTrafficText } from './ShareCells';
import '@mantine/core/styles/Badge.css';

const toneColor: Record<Tone, MantineColor> = {
  ok: 'teal',
  off: 'red',
  warning: 'orange',
  busy: 'blue',
  unknown: 'gray',
};

/**
 * The attachment status of a backend (the ref's status, which is not health) with its VM's state for a
 * NIC, and "Draining" while the console has set its weight 0.
 */
export function StatusCell({
  kind,
  status,
  vmState,
  draining,
}: {
  kind: 'nic' | 'ip';
  status?: string | null;
  vmState?: string;
  draining?: boolean;
}) {
  const t = useT();
  const text = useTrafficText();
  const d = backendStatus({ kind, status, vmState });
  return (
    <Stack gap={2} align="flex-start" style={{ whiteSpace: 'normal' }}>
      <Badge size="sm" variant="light" tt="none" color={toneColor[d.attachment.tone]}>
        {text(d.attachment.label)}
      </Badge>
      {d.vm ? (
        <Text size="xs" c={d.vm.tone === 'ok' ? 'dimmed' : toneColor[d.vm.tone]}>
          {text(d.vm.label)}
        </Text>
      ) : null}
      {draining ? (
        <Badge size="sm" variant="outline" tt="none" color="orange">
          {t('traffic.drain.draining')}
        </Badge>
      ) : null}
      {d.warning ? (
        <Text size="xs" c="orange">
          {text(d.warning)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A backend's health on each of the group's listeners, from ZWatch; nothing per row without ZWatch. */
export function HealthCell({
  answer,
  listeners,
  ip,
}: {
  answer: MetricAnswer | undefined;
  listeners: readonly { uuid: string; name: string }[];
  ip: string | undefined;
}) {
  const text = useTrafficText();
  if (!answer || answer.kind === 'absent' || !listeners.length)
    return (
      <Text size="sm" c="dimmed" aria-hidden>
        —
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      {listeners.map((l) => {
        const shown = healthDisplay(healthOf(answer, l.uuid, ip));
        return (
          <div key={l.uuid}>
            {listeners.length > 1 ? (
              <Text size="xs" c="dimmed" lh={1.2}>
                {l.name}
              </Text>
            ) : null}
            <Badge
              size="sm"
              variant="light"
              tt="none"
              color={toneColor[shown.tone]}
              title={shown.help ? text(shown.help) : undefined}
            >
              {shown.label ? text(shown.label) : '—'}
            </Badge>
          </div>
        );
      })}
    </Stack>
  );
}
