import type { UseQueryResult } from '@tanstack/react-query';
import { Group as Row, Loader, Text } from '@mantine/core';
import { asZStackError } from '../../api/errors';
import type { Group } from '../../api/schemas';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { GroupNotFound } from './GroupNotFound';
import { GroupPanel } from './GroupPanel';

export interface GroupContentProps {
  uuid: string;
  wellFormed: boolean;
  group: UseQueryResult<Group | null>;
  projectName: string | undefined;
}

/** The chosen group once ZStack has answered: its panel, or why there is none. */
export function GroupContent({ uuid, wellFormed, group, projectName }: GroupContentProps) {
  if (!wellFormed || group.data === null) return <GroupNotFound uuid={uuid} />;
  if (group.isError)
    return (
      <ZStackErrorAlert
        error={asZStackError(group.error)}
        action="load the group"
        onRetry={() => void group.refetch()}
        retryLabel="Retry"
      />
    );
  if (!group.data)
    return (
      <Row gap="xs">
        <Loader size="sm" aria-label="Loading group" />
        <Text size="sm" c="dimmed">
          Loading group…
        </Text>
      </Row>
    );
  return (
    <GroupPanel
      key={group.data.uuid}
      group={group.data}
      projectUuid={group.data.projectUuid ?? ''}
      projectName={projectName ?? '…'}
    />
  );
}
