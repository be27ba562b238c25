import { Navigate, useLocation, useNavigate } from 'react-router';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { clearCachedData } from '../../session/cachedData';
import { startSession, useSessionState } from '../../session/store';
import { PreferenceMenus } from '../../components/PreferenceMenus';
import { LoginForm } from './LoginForm';
import { useT } from '../../i18n/react';
import { loginTarget } from './loginTarget';

interface FromState {
  from?: string;
}

export interface LoginPageProps {
  /** Called when the admin starts typing or submits: the moment to fetch what comes after the login. */
  prefetch?: () => void;
}

export function LoginPage({ prefetch }: LoginPageProps) {
  const t = useT();
  const { status } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const target = loginTarget((location.state as FromState | null)?.from);

  if (status === 'active') return <Navigate to={target} replace />;

  return (
    // top-aligned, not centred: an error below the form grows the card downwards and moves nothing
    <Center
      mih="100vh"
      p="md"
      pt="12vh"
      bg="var(--console-page-background)"
      style={{ alignItems: 'flex-start' }}
    >
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} component="main">
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </div>
          <LoginForm
            prefetch={prefetch}
            onLoggedIn={({ session, identity, firstSessionUuid }) => {
              clearCachedData();
              startSession(session.uuid, identity, firstSessionUuid);
              void navigate(target, { replace: true });
            }}
          />
          <PreferenceMenus />
        </Stack>
      </Paper>
    </Center>
  );
}
