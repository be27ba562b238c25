import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Group as Row, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Group, Project } from '../../api/schemas';
import { routes } from '../../config/routes';
import { useSessionState } from '../../session/store';
import { groupQuery, projectGroupsQuery } from './api/groups';
import { vidGroupKeys } from './api/keys';
import { membersQuery } from './api/members';
import { projectQuery } from './api/projects';
import { GroupContent } from './GroupContent';
import { NoGroupsState } from './NoGroupsState';
import { GroupPicker, ProjectPicker } from './Pickers';
import '@mantine/core/styles/SimpleGrid.css';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';

const isUuid = (s: string) => /^[0-9a-f]{32}$/.test(s);
const firstMembers = { page: 0, pageSize: 20, sort: { key: 'name', direction: 'asc' }, filter: '' } as const;

/**
 * IAM2 group membership. The URL is the state: `/virtual-id-groups/<group>` shows a group (its project is
 * the group's own), `/virtual-id-groups?project=<p>` a project without a group yet, and with neither the
 * project the virtual ID is logged into is preselected.
 */
export function VirtualIdGroupsPage() {
  const { uuid: groupUuid } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { identity } = useSessionState();

  const wellFormed = !!groupUuid && isUuid(groupUuid);
  const group = useQuery({ ...groupQuery(groupUuid ?? ''), enabled: wellFormed });
  // A deep link: ask for the first page of members while the group itself is being read.
  useEffect(() => {
    if (wellFormed && groupUuid) void queryClient.prefetchQuery(membersQuery(groupUuid, { ...firstMembers }));
  }, [wellFormed, groupUuid, queryClient]);

  const projectUuid = groupUuid
    ? (group.data?.projectUuid ?? undefined)
    : (params.get('project') ?? identity?.projectUuid ?? undefined);
  const identityProject: Project | undefined =
    identity?.projectUuid && identity.projectName
      ? { uuid: identity.projectUuid, name: identity.projectName }
      : undefined;
  const project = useQuery({
    ...projectQuery(projectUuid ?? ''),
    enabled: !!projectUuid,
    placeholderData: projectUuid && projectUuid === identityProject?.uuid ? identityProject : undefined,
  });
  const groups = useQuery({ ...projectGroupsQuery(projectUuid ?? ''), enabled: !!projectUuid && !groupUuid });

  const chooseProject = (p: Project) => {
    queryClient.setQueryData(vidGroupKeys.project(p.uuid), p);
    void navigate(routes.virtualIdGroups.link({ project: p.uuid }));
  };
  const chooseGroup = (g: Group) => {
    queryClient.setQueryData(vidGroupKeys.group(g.uuid), g);
    void navigate(routes.virtualIdGroups.link({ group: g.uuid }));
  };

  const noGroups = !groupUuid && groups.data?.total === 0 && groups.data.items.length === 0;
  const groupCount = groups.data ? (groups.data.total ?? groups.data.items.length) : 0;

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={2}>Virtual ID groups</Title>
        <Text c="dimmed" size="sm">
          Choose a project and one of its groups to see who is in it, add virtual IDs, or remove them.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={760}>
        <ProjectPicker value={project.data ?? null} onChange={chooseProject} />
        <GroupPicker
          projectUuid={projectUuid}
          value={group.data ?? null}
          onChange={chooseGroup}
          noGroups={noGroups}
        />
      </SimpleGrid>
      {groupUuid ? (
        <GroupContent
          uuid={groupUuid}
          wellFormed={wellFormed}
          group={group}
          projectName={project.data?.name}
        />
      ) : !projectUuid ? (
        <Text size="sm">Choose a project to see its groups.</Text>
      ) : project.isError ? (
        <QueryErrorAlert query={project} action="load the project" />
      ) : project.data === null ? (
        <Text size="sm">
          No project with UUID {projectUuid} is visible to this identity. Choose a project above.
        </Text>
      ) : groups.isError ? (
        <QueryErrorAlert query={groups} action="load the project’s groups" />
      ) : groups.isPending || !project.data ? (
        <Row gap="xs" role="status" aria-label="Loading groups">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Loading groups…
          </Text>
        </Row>
      ) : noGroups ? (
        <NoGroupsState project={project.data} />
      ) : (
        <Text size="sm">
          Project {project.data.name} has {groupCount} {groupCount === 1 ? 'group' : 'groups'}: choose one
          under “Group” to see and change its members.
        </Text>
      )}
    </Stack>
  );
}
