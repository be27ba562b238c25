import { Anchor, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import '@mantine/core/styles/EmptyState.css';

/** A link to a group that ZStack does not know (or that this identity may not see). */
export function GroupNotFound({ uuid }: { uuid: string }) {
  return (
    <EmptyState
      align="left"
      size="sm"
      p="lg"
      bd="1px dashed var(--mantine-color-default-border)"
      bdrs="md"
      role="region"
      aria-label="Group not found"
      title={<EmptyState.Title order={3}>Group not found</EmptyState.Title>}
    >
      <EmptyState.Description style={{ overflowWrap: 'anywhere' }}>
        ZStack has no virtual ID group with UUID {uuid} that this identity may see. It may have been deleted,
        or the link may be wrong.
      </EmptyState.Description>
      <EmptyState.Actions>
        <Anchor component={Link} to="/virtual-id-groups">
          Choose a project and a group
        </Anchor>
      </EmptyState.Actions>
    </EmptyState>
  );
}
