import { Group, Text } from '@mantine/core';
import type { VirtualId } from '../../api/schemas';
import { StateBadge } from './StateBadge';

/** A picker option: the name as text, and the state when it is not the usual Enabled. */
export function VirtualIdOption({ virtualId }: { virtualId: VirtualId }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" truncate>
        {virtualId.name}
      </Text>
      {virtualId.state && virtualId.state !== 'Enabled' ? <StateBadge state={virtualId.state} /> : null}
    </Group>
  );
}
