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
import { usePageTitle, useT } from '../../i18n/react';

const isUuid = (s: string) => /^[0-9a-f]{32}$/.test(s);
const firstMembers = { page: 0, pageSize: 20, sort: { key: 'name', direction: 'asc' }, filter: '' } as const;

/**
 * IAM2 group membership. The URL is the state: `/virtual-id-groups/<group>` shows a group (its project is
 * the group's own), `/virtual-id-groups?project=<p>` a project without a group yet, and with neither the
 * project the virtual ID is logged into is preselected.
 */
export function VirtualIdGroupsPage() {
  const t = useT();
  usePageTitle('vidGroups.title');
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
        <Title order={2}>{t('vidGroups.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('vidGroups.intro')}
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
        <Text size="sm">{t('vidGroups.chooseProject')}</Text>
      ) : project.isError ? (
        <QueryErrorAlert query={project} action={t('vidGroups.loadProject')} />
      ) : project.data === null ? (
        <Text size="sm">{t('vidGroups.projectNotVisible', { uuid: projectUuid })}</Text>
      ) : groups.isError ? (
        <QueryErrorAlert query={groups} action={t('vidGroups.loadGroups')} />
      ) : groups.isPending || !project.data ? (
        <Row gap="xs" role="status" aria-label={t('vidGroups.loadingGroups.label')}>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('vidGroups.loadingGroups.text')}
          </Text>
        </Row>
      ) : noGroups ? (
        <NoGroupsState project={project.data} />
      ) : (
        <Text size="sm">{t('vidGroups.groupCount', { project: project.data.name, count: groupCount })}</Text>
      )}
    </Stack>
  );
}
