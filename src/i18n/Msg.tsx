import type { ReactElement, ReactNode } from 'react';
import { I18nProvider as LinguiProvider, Trans } from '@lingui/react';
import { i18n } from './i18n';
import type { MessageKey } from './keys';

/**
 * A message with React elements in its values (`{name}` rendered as <b>{name}</b>), or with numbered
 * tags in the message itself (`Read <0>the guide</0>`, `components={{ 0: <a href=... /> }}`). Lingui's
 * Trans needs Lingui's provider; it is given here, so that @lingui/react loads only with what uses Msg.
 */
export function Msg({
  id,
  values,
  components,
}: {
  id: MessageKey;
  values?: Record<string, ReactNode>;
  components?: Record<string, ReactElement>;
}) {
  return (
    <LinguiProvider i18n={i18n}>
      <Trans id={id} values={values} components={components} />
    </LinguiProvider>
  );
}
