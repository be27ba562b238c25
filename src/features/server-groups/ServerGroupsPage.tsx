import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { routes } from '../../config/routes';
import { usePageTitle, useT } from '../../i18n/react';
import { ServerGroupDetail } from './ServerGroupDetail';
import { ServerGroupPicker } from './ServerGroupPicker';

/** Load balancer server groups: pick one, see its backends, add, re-weight and remove them. */
export function ServerGroupsPage() {
  const { uuid } = useParams();
  const navigate = useNavigate();
  const t = useT();
  usePageTitle('serverGroups.title');
  return (
    <Stack gap="lg" maw={1120}>
      <Title order={2}>{t('serverGroups.title')}</Title>
      <Stack gap={4} maw={560}>
        <ServerGroupPicker
          selectedUuid={uuid}
          onChange={(g) => void navigate(routes.serverGroups.link(g.uuid))}
        />
      </Stack>
      {uuid ? (
        <ServerGroupDetail key={uuid} uuid={uuid} />
      ) : (
        <Text c="dimmed">{t('serverGroups.choose')}</Text>
      )}
    </Stack>
  );
}
