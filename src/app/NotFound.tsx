import { routes } from '../config/routes';
import { NotFound as NotFoundState } from '../components/workbench/NotFound';

export function NotFound() {
  return (
    <NotFoundState
      order={2}
      title="Page not found"
      text="There is no page at this address. Use the navigation, or go to the start page."
      link={{ to: routes.home, label: 'Go to the start page' }}
    />
  );
}
