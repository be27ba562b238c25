import { Suspense } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { AppShell, Badge, Burger, Button, Drawer, Group, Loader, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { pages, routes } from '../config/routes';
import { useCapabilities } from '../session/capabilities';
import { logOut } from '../session/api';
import { useSessionState, type Identity } from '../session/store';
import { ReloginModal } from '../features/auth/ReloginModal';
import { IdleWarning } from '../features/auth/IdleWarning';
import { UndoHost } from '../components/undo/UndoHost';
import { PreferenceMenus } from '../components/PreferenceMenus';
import { ApiLogButton } from '../features/api-log/ApiLogButton';
import { useT, type Translate } from '../i18n/react';
import classes from './AppLayout.module.css';
import '@mantine/core/styles/AppShell.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/Drawer.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/notifications/styles.css';

function identityLabel(t: Translate, identity: Identity): string {
  const { name } = identity;
  if (identity.kind === 'account')
    return identity.accountType === 'SystemAdmin'
      ? t('app.identity.adminAccount', { name })
      : t('app.identity.account', { name });
  return identity.projectName ? `${name} @ ${identity.projectName}` : t('app.identity.virtualId', { name });
}

/** The pages this identity may read, as links; the current one is marked (aria-current). */
function MainNav({ onNavigate, vertical }: { onNavigate?: () => void; vertical?: boolean }) {
  const t = useT();
  const { can } = useCapabilities();
  return (
    <nav aria-label={t('app.nav.label')} className={vertical ? classes.navVertical : classes.nav}>
      {pages
        .filter((page) => can(page.capability).allowed)
        .map((page) => (
          <RouterNavLink key={page.base} to={page.base} className={classes.link} onClick={onNavigate}>
            {t(page.label)}
          </RouterNavLink>
        ))}
    </nav>
  );
}

/**
 * The shell: one header with the navigation, who is logged in and "Log out"; the page below it uses the
 * whole width. Below 992 px the navigation moves behind a menu button (a drawer over the page only
 * while it is open), so that the header never runs out of room and nothing covers the page.
 */
export function AppLayout() {
  const t = useT();
  const { status, identity, workspace } = useSessionState();
  const location = useLocation();
  const [menuOpened, menu] = useDisclosure(false);
  if (status === 'anonymous' || !identity) {
    return <Navigate to={routes.login} replace state={{ from: location.pathname }} />;
  }
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <Notifications position="bottom-right" />
      <UndoHost />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={menuOpened ? t('app.nav.close') : t('app.nav.open')}
            />
            <Title order={1} size="h4" className={classes.title}>
              {t('app.name')}
            </Title>
            <Group visibleFrom="md" gap={0} wrap="nowrap">
              <MainNav />
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <PreferenceMenus />
            <Text size="sm" c="dimmed" visibleFrom="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('app.loggedInAs')}
            </Text>
            <Badge variant="light" size="lg" tt="none" data-testid="identity" className={classes.identity}>
              {identityLabel(t, identity)}
            </Badge>
            <ApiLogButton />
            <Button variant="default" size="xs" onClick={() => void logOut()} style={{ flex: 'none' }}>
              {t('app.logOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <Drawer opened={menuOpened} onClose={menu.close} title={t('app.name')} size={280} hiddenFrom="md">
        <MainNav vertical onNavigate={menu.close} />
      </Drawer>
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label={t('app.loadingPage')} />}>
          <Outlet key={workspace} />
        </Suspense>
      </AppShell.Main>
      <ReloginModal />
      <IdleWarning active={status === 'active'} />
    </AppShell>
  );
}
