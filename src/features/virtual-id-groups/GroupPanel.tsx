import { Divider, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import type { Group } from '../../api/schemas';
import { AddMembersForm } from './AddMembersForm';
import { MembersSection } from './MembersSection';
import { StateBadge } from './StateBadge';
import '@mantine/core/styles/Divider.css';

export interface GroupPanelProps {
  group: Group;
  projectUuid: string;
  projectName: string;
}

/** One group: who is in it, and adding or removing members. */
export function GroupPanel({ group, projectUuid, projectName }: GroupPanelProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Group ${group.name}`}>
      <Stack gap="md">
        <div>
          <Row gap="xs" align="center">
            <Title order={3} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {group.name}
            </Title>
            {group.state && group.state !== 'Enabled' ? <StateBadge state={group.state} /> : null}
          </Row>
          <Text size="sm" c="dimmed">
            Group of project {projectName}
            {group.description ? ` · ${group.description}` : ''}
          </Text>
        </div>
        <AddMembersForm group={group} projectUuid={projectUuid} projectName={projectName} />
        <Divider />
        <MembersSection group={group} />
      </Stack>
    </Paper>
  );
}
