import { Navigate } from 'react-router';
import { Loader } from '@mantine/core';
import { pages } from '../config/routes';
import { NotFound } from '../components/workbench/NotFound';
import { useCapabilities } from '../session/capabilities';

/** "/" opens the first page this identity may use. */
export function HomeRedirect() {
  const { ready, can } = useCapabilities();
  if (!ready) return <Loader aria-label="Checking permissions" />;
  const first = pages.find((page) => can(page.capability).allowed);
  if (first) return <Navigate to={first.base} replace />;
  return (
    <NotFound
      order={2}
      title="Nothing to show"
      label="Nothing to show"
      text="This identity may not use any page of the console. Log in as another identity, or ask an administrator."
    />
  );
}
