import { Stack, Text, Title } from '@mantine/core';
import { useT } from '../i18n/react';
import { capabilityLabels, useCapabilities, type Capability } from '../session/capabilities';

/** Shown in place of a page the identity may not read, instead of a blank or broken page. */
export function NoAccess({ capability }: { capability: Capability }) {
  const t = useT();
  const { can } = useCapabilities();
  return (
    <Stack gap="sm" maw={640} role="region" aria-label={t('app.noAccess.title')}>
      <Title order={2}>{t('app.noAccess.title')}</Title>
      <Text>{t('app.noAccess.text', { what: t(capabilityLabels[capability]) })}</Text>
      <Text c="dimmed" size="sm">
        {can(capability).reason} {t('app.noAccess.hint')}
      </Text>
    </Stack>
  );
}
