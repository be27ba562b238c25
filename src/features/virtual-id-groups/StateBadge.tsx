import { Badge } from '@mantine/core';
import '@mantine/core/styles/Badge.css';

const colors: Record<string, string> = {
  Enabled: 'green',
  Disabled: 'gray',
  Staled: 'orange',
};

/** The state ZStack reports for a virtual ID, group or project, as text in a badge. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return null;
  return (
    <Badge variant="light" color={colors[state] ?? 'yellow'} tt="none" radius="sm">
      {state}
    </Badge>
  );
}
