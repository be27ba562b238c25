import { routes } from '../config/routes';
import { NotFound as NotFoundState } from '../components/workbench/NotFound';
import { useT } from '../i18n/react';

export function NotFound() {
  const t = useT();
  return (
    <NotFoundState
      order={2}
      title={t('app.notFound.title')}
      text={t('app.notFound.text')}
      link={{ to: routes.home, label: t('app.notFound.link') }}
    />
  );
}
