import { Button, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { isSessionError } from '../../api/errors';
import { logOut } from '../../session/api';
import { startSession, useSessionState } from '../../session/store';
import { LoginForm } from './LoginForm';
import { useT } from '../../i18n/react';

const reasons = {
  server: 'relogin.reason.server',
  idle: 'relogin.reason.idle',
  absolute: 'relogin.reason.absolute',
} as const;

/**
 * Opens over the current page when the session ends on its own. Nothing on the page is unmounted, so
 * every draft stays; logging in again as the same identity lets the admin resubmit with one click, as
 * another identity discards the drafts (the pages are remounted for the new workspace).
 */
export function ReloginModal() {
  const t = useT();
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
      title={t('relogin.title')}
      centered
      overlayProps={{ backgroundOpacity: 0.55, blur: 6 }}
    >
      {opened ? (
        <Stack gap="md">
          <Text size="sm">
            {t(reasons[expiredReason ?? 'server'])} {t('relogin.kept')}
          </Text>
          <LoginForm
            defaults={identity ? { kind: identity.kind, name: identity.name } : undefined}
            submitLabel={t('relogin.title')}
            onLoggedIn={({ session, identity: next, firstSessionUuid }) => {
              const { sameAsBefore } = startSession(session.uuid, next, firstSessionUuid);
              if (sameAsBefore) {
                // reads that failed for the ended session start afresh; the others refresh
                void queryClient.resetQueries({ predicate: (q) => isSessionError(q.state.error) });
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
            {t('relogin.discard')}
          </Button>
        </Stack>
      ) : null}
    </Modal>
  );
}
