import type { Project } from '../../api/schemas';
import { NotFound } from '../../components/workbench/NotFound';
import { useT } from '../../i18n/react';

/** A project without groups: say so, and what to do about it. */
export function NoGroupsState({ project }: { project: Project }) {
  const t = useT();
  return (
    <NotFound
      label={t('vidGroups.noGroups.label')}
      title={t('vidGroups.noGroups.title', { project: project.name })}
      text={t('vidGroups.noGroups.text')}
    />
  );
}
