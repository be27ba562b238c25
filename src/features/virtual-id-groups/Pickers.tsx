import type { Group, Project } from '../../api/schemas';
import { EntityPicker } from '../../components/workbench/EntityPicker';
import type { PickerItemText } from '../../components/workbench/pickerSearch';
import { searchGroups } from './api/groups';
import { vidGroupKeys } from './api/keys';
import { searchProjects } from './api/projects';
import { useT } from '../../i18n/react';

/** A project or a group in a picker: its name, and its state when it is not the usual Enabled. */
const named = (item: { name: string; state?: string | null }): PickerItemText => ({
  primary: item.name,
  badge: item.state && item.state !== 'Enabled' ? item.state : undefined,
});

/** "Project": the IAM2 projects this identity may see, searched by name on the server. */
export function ProjectPicker({
  value,
  onChange,
}: {
  value: Project | null;
  onChange: (project: Project) => void;
}) {
  const t = useT();
  return (
    <EntityPicker<Project>
      label={t('vidGroups.project')}
      placeholder={t('vidGroups.project.placeholder')}
      queryKey={vidGroupKeys.projectSearch()}
      search={searchProjects}
      itemKey={(p) => p.uuid}
      itemText={named}
      emptyText={t('vidGroups.project.empty')}
      searchAction={t('vidGroups.project.search')}
      value={value}
      onChange={onChange}
    />
  );
}

export interface GroupPickerProps {
  /** The project whose groups are offered; none yet disables the picker. */
  projectUuid: string | undefined;
  value: Group | null;
  onChange: (group: Group) => void;
  /** The project has no groups. */
  noGroups?: boolean;
}

/** "Group": the groups of one project, searched by name on the server. */
export function GroupPicker({ projectUuid, value, onChange, noGroups }: GroupPickerProps) {
  const t = useT();
  return (
    <EntityPicker<Group>
      label={t('vidGroups.group')}
      placeholder={
        !projectUuid
          ? t('vidGroups.group.chooseProject')
          : noGroups
            ? t('vidGroups.group.none')
            : t('vidGroups.group.placeholder')
      }
      queryKey={vidGroupKeys.groupSearch(projectUuid ?? '')}
      search={(text, signal) => searchGroups(projectUuid ?? '', text, signal)}
      itemKey={(g) => g.uuid}
      itemText={named}
      emptyText={t('vidGroups.group.empty')}
      searchAction={t('vidGroups.group.search')}
      value={value}
      onChange={onChange}
      disabled={noGroups || !projectUuid}
    />
  );
}
