import { Alert, Drawer } from '@mantine/core';
import { useT } from '../../i18n/react';
import { closeApiLog, useApiLogPanel } from './panelState';

/** In place of the panel when its code could not be loaded (the node went away, a new release). */
export function PanelLoadFailed() {
  const t = useT();
  const { opened } = useApiLogPanel();
  return (
    <Drawer opened={opened} onClose={closeApiLog} position="right" title={t('apiLog.button')}>
      <Alert color="red" role="alert">
        {t('apiLog.loadFailed')}
      </Alert>
    </Drawer>
  );
}
