import { Button, Stack, Text, Tooltip } from '@mantine/core';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useT } from '../../../i18n/react';
import { msg } from './messages';
import { ShareNotes } from './ShareNotes';
import type { BackendTraffic } from './useBackendTraffic';

/**
 * Above the backends table: what decides the shares on each listener, where weights have no effect,
 * and, on a node without ZWatch, once, that health needs it.
 */
export function TableTrafficNotes({ traffic }: { traffic: BackendTraffic }) {
  const t = useT();
  const { settings } = traffic.traffic;
  return (
    <Stack gap={4}>
      {settings.isError ? (
        <QueryErrorAlert query={settings} action={t('traffic.summary.readAction')} />
      ) : null}
      <ShareNotes
        id="sg-backend-share-notes"
        shares={traffic.shares}
        names={traffic.names}
        settings={settings.data}
        extra={[traffic.effect, traffic.needsZWatch ? msg('traffic.health.needsZWatch') : undefined]}
      />
      <Text size="xs" c="dimmed">
        {t('traffic.status.notHealth')}
      </Text>
      {traffic.healthError && traffic.healthRetrying ? (
        <Text size="xs" c="dimmed" role="status">
          {t('traffic.health.readFailed', { code: traffic.healthError.code })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Drain selected (n)": weight 0 for the chosen backends, where that drains. */
export function DrainSelectedButton({
  count,
  pending,
  onClick,
}: {
  count: number;
  pending: boolean;
  onClick: () => void;
}) {
  const t = useT();
  return (
    <Tooltip label={t('traffic.drain.selectedHelp')} multiline maw={280} withinPortal>
      <Button
        variant="light"
        color="orange"
        size="xs"
        disabled={count === 0}
        loading={pending}
        onClick={onClick}
      >
        {t('traffic.drain.selected')}
        {count ? ` (${count.toLocaleString()})` : ''}
      </Button>
    </Tooltip>
  );
}
