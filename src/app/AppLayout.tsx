import { Suspense } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { AppShell, Badge, Button, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useCapabilities } from '../session/capabilities';
import { logOut } from '../session/api';
import { useSessionState } from '../session/store';
import { ReloginModal } from '../features/auth/ReloginModal';
import { IdleWarning } from '../features/auth/IdleWarning';
import { PreferenceMenus } from '../components/PreferenceMenus';
import { navItems } from './navigation';
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';

function identityLabel(identity: NonNullable<ReturnType<typeof useSessionState>['identity']>): string {
  if (identity.kind === 'account')
    return `${identity.name} (${identity.accountType === 'SystemAdmin' ? 'admin account' : 'account'})`;
  return identity.projectName
    ? `${identity.name} @ ${identity.projectName}`
    : `${identity.name} (virtual ID)`;
}

export function AppLayout() {
  const { status, identity, workspace } = useSessionState();
  const location = useLocation();
  const { can } = useCapabilities();

  if (status === 'anonymous' || !identity) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }

  const visible = navItems.filter((item) => can(item.capability).allowed);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <Notifications position="top-right" />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4">
            ZStack console
          </Title>
          <Group gap="sm" wrap="nowrap">
            <PreferenceMenus />
            <Text size="sm" c="dimmed" visibleFrom="md">
              Logged in as
            </Text>
            <Badge variant="light" size="lg" tt="none" data-testid="identity">
              {identityLabel(identity)}
            </Badge>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                void logOut();
              }}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {visible.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={item.label}
            active={location.pathname.startsWith(item.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label="Loading page" />}>
          <Outlet key={workspace} />
        </Suspense>
      </AppShell.Main>
      <ReloginModal />
      <IdleWarning active={status === 'active'} />
    </AppShell>
  );
}
