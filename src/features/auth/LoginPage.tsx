import { Navigate, useLocation, useNavigate } from 'react-router';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { clearCachedData } from '../../session/cachedData';
import { startSession, useSessionState } from '../../session/store';
import { PreferenceMenus } from '../../components/PreferenceMenus';
import { LoginForm } from './LoginForm';
import { loginTarget } from './loginTarget';

interface FromState {
  from?: string;
}

export interface LoginPageProps {
  /** Called when the admin starts typing or submits: the moment to fetch what comes after the login. */
  prefetch?: () => void;
}

export function LoginPage({ prefetch }: LoginPageProps) {
  const { status } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const target = loginTarget((location.state as FromState | null)?.from);

  if (status === 'active') return <Navigate to={target} replace />;

  return (
    <Center mih="100vh" p="md" bg="var(--console-page-background)">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} component="main">
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              ZStack console
            </Title>
            <Text c="dimmed" size="sm">
              Log in to your ZStack management node
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
