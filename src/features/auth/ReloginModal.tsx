import { Button, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logOut } from '../../session/api';
import { startSession, useSessionState } from '../../session/store';
import { LoginForm } from './LoginForm';

const reasons = {
  server: 'ZStack says your session is no longer valid.',
  idle: 'You were logged out after a period without activity.',
  absolute: 'Your session reached its maximum length.',
} as const;

/**
 * Opens over the current page when the session ends on its own. Nothing on the page is unmounted, so
 * every draft stays; logging in again as the same identity lets the admin resubmit with one click, as
 * another identity discards the drafts (the pages are remounted for the new workspace).
 */
export function ReloginModal() {
  const { status, identity, expiredReason } = useSessionState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const opened = status === 'expired';

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title="Log in again"
      centered
      overlayProps={{ backgroundOpacity: 0.55, blur: 6 }}
    >
      {opened ? (
        <Stack gap="md">
          <Text size="sm">
            {reasons[expiredReason ?? 'server']} Log in again to continue: what you typed on this page is
            kept.
          </Text>
          <LoginForm
            defaults={identity ? { kind: identity.kind, name: identity.name } : undefined}
            submitLabel="Log in again"
            onLoggedIn={({ session, identity: next, firstSessionUuid }) => {
              const { sameAsBefore } = startSession(session.uuid, next, firstSessionUuid);
              if (sameAsBefore) {
                void queryClient.invalidateQueries();
              } else {
                queryClient.clear();
                void navigate('/', { replace: true });
              }
            }}
          />
          <Button
            variant="subtle"
            onClick={() => {
              void logOut();
            }}
          >
            Discard changes and log out
          </Button>
        </Stack>
      ) : null}
    </Modal>
  );
}
