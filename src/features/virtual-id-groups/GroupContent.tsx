import type { UseQueryResult } from '@tanstack/react-query';
import { Group as Row, Loader, Stack, Text, Title } from '@mantine/core';
import type { Group } from '../../api/schemas';
import { routes } from '../../config/routes';
import { NotFound, notShownText } from '../../components/workbench/NotFound';
import { StateBadge } from '../../components/workbench/PickerOption';
import { ReadOnlyNotice } from '../../components/workbench/ReadOnlyNotice';
import { useCapabilities } from '../../session/capabilities';
import { AddMembers } from './AddMembers';
import { Members } from './Members';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

export interface GroupContentProps {
  uuid: string;
  wellFormed: boolean;
  group: UseQueryResult<Group | null>;
  projectName: string | undefined;
}

/** The chosen group once ZStack has answered: its workbench, or why there is none. */
export function GroupContent({ uuid, wellFormed, group, projectName }: GroupContentProps) {
  if (!wellFormed || group.data === null)
    return (
      <NotFound
        title="Virtual ID group not found"
        text={notShownText('virtual ID group', uuid)}
        link={{ to: routes.virtualIdGroups.link(), label: 'Choose a project and a group' }}
      />
    );
  if (group.isError && !group.data) return <QueryErrorAlert query={group} action="load the group" />;
  if (!group.data)
    return (
      <Row gap="xs" role="status" aria-label="Loading group">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Loading group…
        </Text>
      </Row>
    );
  return <GroupWorkbench key={group.data.uuid} group={group.data} projectName={projectName ?? '…'} />;
}

/** One group: who is in it, adding virtual IDs, removing members; what this identity may not do, first. */
function GroupWorkbench({ group, projectName }: { group: Group; projectName: string }) {
  const { can } = useCapabilities();
  const add = can('addGroupMembers');
  const remove = can('removeGroupMembers');
  const blocked = [
    ...(add.allowed ? [] : [{ what: 'Adding virtual IDs', reason: add.reason ?? '' }]),
    ...(remove.allowed ? [] : [{ what: 'Removing members', reason: remove.reason ?? '' }]),
  ];
  return (
    <Stack gap="md" component="section" aria-label={`Group ${group.name}`}>
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
      <ReadOnlyNotice noun="group" blocked={blocked} readOnly={!add.allowed && !remove.allowed} />
      {add.allowed ? (
        <AddMembers group={group} projectUuid={group.projectUuid ?? ''} projectName={projectName} />
      ) : null}
      <Members group={group} canRemove={remove.allowed} />
    </Stack>
  );
}
