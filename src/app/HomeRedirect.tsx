import { Navigate } from 'react-router';
import { Loader } from '@mantine/core';
import { pages } from '../config/routes';
import { NotFound } from '../components/workbench/NotFound';
import { useCapabilities } from '../session/capabilities';
import { useT } from '../i18n/react';

/** "/" opens the first page this identity may use. */
export function HomeRedirect() {
  const t = useT();
  const { ready, can } = useCapabilities();
  if (!ready) return <Loader aria-label={t('app.checkingPermissions')} />;
  const first = pages.find((page) => can(page.capability).allowed);
  if (first) return <Navigate to={first.base} replace />;
  return (
    <NotFound
      order={2}
      title={t('app.nothing.title')}
      label={t('app.nothing.title')}
      text={t('app.nothing.text')}
    />
  );
}
