import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { ZStackErrorAlert } from '../../../components/ZStackErrorAlert';
import { useT } from '../../../i18n/react';
import type { BackendView } from '../backends';
import type { DrainRecord } from './drain';
import { useTrafficText } from './ShareCells';
import type { DrainControl, Drained } from './useDrain';
import '@mantine/core/styles/Alert.css';

export interface DrainPanelProps {
  control: DrainControl;
  /** The group's backends by key, for "Remove". */
  viewOf: (key: string) => BackendView | undefined;
  canRemove: boolean;
  onRemove: (items: readonly BackendView[]) => void;
}

const wholeWeight = /^(100|[1-9]\d?)$/;

function RestoreChosen({ d, control }: { d: Drained; control: DrainControl }) {
  const t = useT();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const send = () => {
    if (!wholeWeight.test(value.trim())) return setError(t('traffic.drain.restoreWeightInvalid'));
    setError(undefined);
    control.restore([d.record], new Map([[d.record.key, Number(value.trim())]]));
  };
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        w={72}
        aria-label={t('traffic.drain.restoreWeightLabel', { backend: d.record.label })}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && send()}
        error={error}
        inputMode="numeric"
        autoComplete="off"
      />
      <Button size="compact-sm" variant="light" onClick={send} loading={control.change.isPending}>
        {t('traffic.drain.restore')}
      </Button>
    </Group>
  );
}

function restoreButton(d: Drained, control: DrainControl, t: ReturnType<typeof useT>, previous: number) {
  return (
    <Button
      size="compact-sm"
      variant="light"
      loading={control.change.isPending}
      onClick={() => control.restore([d.record])}
    >
      {t('traffic.drain.restoreTo', { weight: previous })}
    </Button>
  );
}

/**
 * What the drains of the group are doing: the reason a drain was refused (with removal instead), the
 * write's error, and each draining backend with its open sessions until they reach 0, then "Remove" or
 * "Restore weight" (the weight before the drain).
 */
export function DrainPanel({ control, viewOf, canRemove, onRemove }: DrainPanelProps) {
  const t = useT();
  const text = useTrafficText();
  const { refusal, drained, notes } = control;
  const live = drained.filter((d) => d.state.phase !== 'over');
  return (
    <>
      {refusal ? (
        <Alert color="yellow" title={t('traffic.drain.refusedTitle')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{text(refusal.reason)}</Text>
            <Group gap="xs">
              {canRemove && refusal.items.length ? (
                <Button size="xs" color="red" variant="light" onClick={() => onRemove(refusal.items)}>
                  {t('traffic.drain.removeInstead')}
                </Button>
              ) : null}
              <Button size="xs" variant="default" onClick={control.dismissRefusal}>
                {t('traffic.drain.dismiss')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {control.change.error ? (
        <ZStackErrorAlert
          error={control.change.error}
          action={control.action}
          onCheckAgain={control.change.checkAgain}
        />
      ) : null}
      {notes.map((n) => (
        <Text key={n.key} size="sm" role="note">
          {text(n)}
        </Text>
      ))}
      {live.length ? (
        <Paper withBorder p="sm" component="section" aria-labelledby="sg-drain-heading">
          <Title order={4} size="h6" id="sg-drain-heading" mb={6}>
            {t('traffic.drain.title')}
          </Title>
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {live.map((d) => (
              <DrainRow
                key={d.record.key}
                d={d}
                control={control}
                view={viewOf(d.record.key)}
                canRemove={canRemove}
                onRemove={onRemove}
              />
            ))}
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}

function DrainRow({
  d,
  control,
  view,
  canRemove,
  onRemove,
}: {
  d: Drained;
  control: DrainControl;
  view: BackendView | undefined;
  canRemove: boolean;
  onRemove: (items: readonly BackendView[]) => void;
}) {
  const t = useT();
  const text = useTrafficText();
  const record: DrainRecord = d.record;
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap" aria-label={record.label}>
      <div>
        <Text size="sm" fw={600}>
          {record.label}
        </Text>
        <Text size="xs" c="dimmed" role="status">
          {d.text ? text(d.text) : null}
        </Text>
      </div>
      <Group gap={4}>
        {d.actions.includes('remove') && canRemove && view ? (
          <Button size="compact-sm" color="red" variant="light" onClick={() => onRemove([view])}>
            {t('traffic.drain.remove')}
          </Button>
        ) : null}
        {d.actions.includes('restore') ? (
          record.previousWeight === null ? (
            <RestoreChosen d={d} control={control} />
          ) : (
            restoreButton(d, control, t, record.previousWeight)
          )
        ) : null}
      </Group>
    </Group>
  );
}
