import { Alert, Button, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/react';

/** Last resort for a render error or a page chunk that failed to load. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" title={t('routeError.title')} role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      <Button variant="default" onClick={() => window.location.reload()} w="fit-content">
        {t('routeError.reload')}
      </Button>
    </Stack>
  );
}
