import { Anchor } from '@mantine/core';
import type { ZStackError } from '../../api/errors';
import { logEntryOf } from '../../api/log/wire';
import { useT } from '../../i18n/react';
import { openApiLog } from './panelState';

function EntryLink({ error }: { error: ZStackError }) {
  const t = useT();
  const entry = logEntryOf(error);
  if (entry === undefined) return null;
  return (
    <Anchor
      component="button"
      type="button"
      size="xs"
      // the alert's own text colour, underlined: the link's blue is too faint on a red or yellow alert
      c="var(--mantine-color-text)"
      underline="always"
      onClick={() => openApiLog(entry)}
      data-log-entry={entry}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('apiLog.showEntry')}
    </Anchor>
  );
}

/** The inline error's link to its call in the API log (provided by the shell, ApiLogLinkContext). */
export const apiLogLink = (error: ZStackError) => <EntryLink error={error} />;
