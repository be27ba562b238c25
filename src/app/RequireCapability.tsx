import type { ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { useCapabilities, type Capability } from '../session/capabilities';
import { NoAccess } from './NoAccess';
import { useT } from '../i18n/react';

/** A route that carries its access requirement. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const t = useT();
  const { ready, can } = useCapabilities();
  if (!ready) return <Loader aria-label={t('app.checkingPermissions')} />;
  return can(capability).allowed ? children : <NoAccess capability={capability} />;
}
