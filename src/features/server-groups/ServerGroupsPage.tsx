import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { routes } from '../../config/routes';
import { ServerGroupDetail } from './ServerGroupDetail';
import { ServerGroupPicker } from './ServerGroupPicker';

/** Load balancer server groups: pick one, see its backends, add, re-weight and remove them. */
export function ServerGroupsPage() {
  const { uuid } = useParams();
  const navigate = useNavigate();
  return (
    <Stack gap="lg" maw={1120}>
      <Title order={2}>Server groups</Title>
      <Stack gap={4} maw={560}>
        <ServerGroupPicker
          selectedUuid={uuid}
          onChange={(g) => void navigate(routes.serverGroups.link(g.uuid))}
        />
      </Stack>
      {uuid ? (
        <ServerGroupDetail key={uuid} uuid={uuid} />
      ) : (
        <Text c="dimmed">
          Choose a server group to see its load balancer and backend servers, and to add VM NICs or IP
          addresses to it.
        </Text>
      )}
    </Stack>
  );
}
