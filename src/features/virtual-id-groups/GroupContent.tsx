import type { UseQueryResult } from '@tanstack/react-query';
import { Group as Row, Loader, Stack, Text, Title } from '@mantine/core';
import type { Group } from '../../api/schemas';
import { routes } from '../../config/routes';
import { NotFound } from '../../components/workbench/NotFound';
import { StateBadge } from '../../components/workbench/PickerOption';
import { ReadOnlyNotice } from '../../components/workbench/ReadOnlyNotice';
import { useCapabilities } from '../../session/capabilities';
import { AddMembers } from './AddMembers';
import { Members } from './Members';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { useT } from '../../i18n/react';

export interface GroupContentProps {
  uuid: string;
  wellFormed: boolean;
  group: UseQueryResult<Group | null>;
  projectName: string | undefined;
}

/** The chosen group once ZStack has answered: its workbench, or why there is none. */
export function GroupContent({ uuid, wellFormed, group, projectName }: GroupContentProps) {
  const t = useT();
  if (!wellFormed || group.data === null)
    return (
      <NotFound
        title={t('vidGroups.notFound.title')}
        text={t('vidGroups.notFound.text', { uuid })}
        link={{ to: routes.virtualIdGroups.link(), label: t('vidGroups.notFound.link') }}
      />
    );
  if (group.isError && !group.data)
    return <QueryErrorAlert query={group} action={t('vidGroups.loadGroup')} />;
  if (!group.data)
    return (
      <Row gap="xs" role="status" aria-label={t('vidGroups.loadingGroup.label')}>
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('vidGroups.loadingGroup.text')}
        </Text>
      </Row>
    );
  return <GroupWorkbench key={group.data.uuid} group={group.data} projectName={projectName ?? '…'} />;
}

/** One group: who is in it, adding virtual IDs, removing members; what this identity may not do, first. */
function GroupWorkbench({ group, projectName }: { group: Group; projectName: string }) {
  const t = useT();
  const { can } = useCapabilities();
  const add = can('addGroupMembers');
  const remove = can('removeGroupMembers');
  const blocked = [
    ...(add.allowed ? [] : [{ what: t('vidGroups.blocked.add'), reason: add.reason ?? '' }]),
    ...(remove.allowed ? [] : [{ what: t('vidGroups.blocked.remove'), reason: remove.reason ?? '' }]),
  ];
  return (
    <Stack gap="md" component="section" aria-label={t('vidGroups.section', { name: group.name })}>
      <div>
        <Row gap="xs" align="center">
          <Title order={3} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {group.name}
          </Title>
          {group.state && group.state !== 'Enabled' ? <StateBadge state={group.state} /> : null}
        </Row>
        <Text size="sm" c="dimmed">
          {t('vidGroups.ofProject', { project: projectName })}
          {group.description ? <span data-zstack-text> · {group.description}</span> : null}
        </Text>
      </div>
      <ReadOnlyNotice
        noun={t('vidGroups.noun')}
        blocked={blocked}
        readOnly={!add.allowed && !remove.allowed}
      />
      {add.allowed ? (
        <AddMembers group={group} projectUuid={group.projectUuid ?? ''} projectName={projectName} />
      ) : null}
      <Members group={group} canRemove={remove.allowed} />
    </Stack>
  );
}
