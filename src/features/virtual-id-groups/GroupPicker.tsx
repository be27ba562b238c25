import { Group as Row, Text } from '@mantine/core';
import type { Group } from '../../api/schemas';
import { EntityPicker } from '../../components/EntityPicker';
import { searchGroups, vidGroupKeys } from './api';
import { StateBadge } from './StateBadge';

export interface GroupPickerProps {
  /** The project whose groups are offered; none yet disables the picker. */
  projectUuid: string | undefined;
  value: Group | null;
  onChange: (group: Group) => void;
  disabled?: boolean;
  description?: string;
}

/** The groups of one project, searched by name on the server. */
export function GroupPicker({ projectUuid, value, onChange, disabled, description }: GroupPickerProps) {
  return (
    <EntityPicker<Group>
      label="Group"
      description={description}
      placeholder={
        !projectUuid
          ? 'Choose a project first'
          : disabled
            ? 'No groups in this project'
            : 'Search groups by name'
      }
      queryKey={vidGroupKeys.groupSearch(projectUuid ?? '')}
      search={(text, signal) => searchGroups(projectUuid ?? '', text, signal)}
      itemKey={(g) => g.uuid}
      itemLabel={(g) => g.name}
      renderItem={(g) => (
        <Row gap={6} wrap="nowrap">
          <Text size="sm" truncate>
            {g.name}
          </Text>
          {g.state && g.state !== 'Enabled' ? <StateBadge state={g.state} /> : null}
        </Row>
      )}
      emptyText="No group of this project matches"
      value={value}
      onChange={(g) => {
        if (g) onChange(g);
      }}
      disabled={disabled || !projectUuid}
    />
  );
}
