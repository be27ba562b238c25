import { Group as Row, Text } from '@mantine/core';
import type { Project } from '../../api/schemas';
import { EntityPicker } from '../../components/EntityPicker';
import { searchProjects, vidGroupKeys } from './api';
import { StateBadge } from './StateBadge';

export interface ProjectPickerProps {
  value: Project | null;
  onChange: (project: Project) => void;
}

/** The IAM2 projects this identity may see, searched by name on the server. */
export function ProjectPicker({ value, onChange }: ProjectPickerProps) {
  return (
    <EntityPicker<Project>
      label="Project"
      placeholder="Search projects by name"
      queryKey={vidGroupKeys.projectSearch()}
      search={searchProjects}
      itemKey={(p) => p.uuid}
      itemLabel={(p) => p.name}
      renderItem={(p) => (
        <Row gap={6} wrap="nowrap">
          <Text size="sm" truncate>
            {p.name}
          </Text>
          {p.state && p.state !== 'Enabled' ? <StateBadge state={p.state} /> : null}
        </Row>
      )}
      emptyText="No project of yours matches"
      value={value}
      onChange={(p) => {
        if (p) onChange(p);
      }}
    />
  );
}
