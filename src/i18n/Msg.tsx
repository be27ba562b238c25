import type { ReactElement, ReactNode } from 'react';
import { Trans } from '@lingui/react';
import type { MessageKey } from './keys';

/**
 * A message with React elements in its values (`{name}` rendered as <b>{name}</b>), or with numbered
 * tags in the message itself (`Read <0>the guide</0>`, `components={{ 0: <a href=... /> }}`).
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
  return <Trans id={id} values={values} components={components} />;
}
