import type { ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { useCapabilities, type Capability } from '../session/capabilities';
import { NoAccess } from './NoAccess';

/** A route that carries its access requirement. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { ready, can } = useCapabilities();
  if (!ready) return <Loader aria-label="Checking permissions" />;
  return can(capability).allowed ? children : <NoAccess capability={capability} />;
}
