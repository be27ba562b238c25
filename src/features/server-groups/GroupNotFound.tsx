import { Anchor, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/**
 * A deep link to a group ZStack does not show (deleted, another project's, or a mistyped link): ZStack
 * answers an empty list in every case.
 */
export function GroupNotFound({ uuid }: { uuid: string }) {
  return (
    <Paper withBorder p="lg" role="region" aria-labelledby="sg-not-found">
      <Stack gap="xs">
        <Title order={3} id="sg-not-found">
          Server group not found
        </Title>
        <Text>
          ZStack has no server group with the id <Code>{uuid}</Code> that this identity may see. It may have
          been deleted, belong to another project, or the link may be wrong.
        </Text>
        <Text>
          Search for the group by name in “Server group” above, or{' '}
          <Anchor component={Link} to="/server-groups">
            go back to the server groups page
          </Anchor>
          .
        </Text>
      </Stack>
    </Paper>
  );
}
