import { EmptyState } from '@mantine/core';
import type { Project } from '../../api/schemas';
import '@mantine/core/styles/EmptyState.css';

/** A project without groups: say so, and what to do about it. */
export function NoGroupsState({ project }: { project: Project }) {
  return (
    <EmptyState
      align="left"
      size="sm"
      p="lg"
      bd="1px dashed var(--mantine-color-default-border)"
      bdrs="md"
      role="region"
      aria-label="No groups"
      title={<EmptyState.Title order={3}>Project {project.name} has no groups</EmptyState.Title>}
    >
      <EmptyState.Description>
        Virtual IDs join a project’s groups, and this project has none yet. A project administrator can create
        a group in ZStack (CreateIAM2VirtualIDGroup); it then appears under “Group” here. Or choose another
        project above.
      </EmptyState.Description>
    </EmptyState>
  );
}
