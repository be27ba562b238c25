import type { Project } from '../../api/schemas';
import { NotFound } from '../../components/workbench/NotFound';

/** A project without groups: say so, and what to do about it. */
export function NoGroupsState({ project }: { project: Project }) {
  return (
    <NotFound
      label="No groups"
      title={`Project ${project.name} has no groups`}
      text="Virtual IDs join a project’s groups, and this project has none yet. A project administrator can create a group in ZStack (CreateIAM2VirtualIDGroup); it then appears under “Group” here. Or choose another project above."
    />
  );
}
