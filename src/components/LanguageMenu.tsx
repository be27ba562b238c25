import { useState } from 'react';
import { Box, Paper, SegmentedControl, Text } from '@mantine/core';
import { switchLocale } from '../i18n/i18n';
import { isLocale, localeNames, locales } from '../i18n/locale';
import { useLocale, useT } from '../i18n/react';

/**
 * English | 简体中文, both always in view and each named in itself, so that a reader of either finds it
 * at once. A switch changes every visible word at once (no reload, nothing typed is lost) and is
 * remembered across sessions. Radios rather than a dropdown: two choices, one click, and no popover code
 * on the first page.
 */
export function LanguageMenu() {
  const t = useT();
  const locale = useLocale();
  const [pending, setPending] = useState<string>();
  const [failed, setFailed] = useState(false);
  return (
    <Box pos="relative">
      <SegmentedControl
        size="xs"
        aria-label={t('language.label')}
        value={pending ?? locale}
        onChange={(next) => {
          if (!isLocale(next)) return;
          setPending(next);
          setFailed(false);
          switchLocale(next)
            .catch(() => setFailed(true))
            .finally(() => setPending(undefined));
        }}
        data={locales.map((l) => ({ value: l, label: <span lang={l}>{localeNames[l]}</span> }))}
      />
      {failed && (
        // under the menu, over the page: the header has no room for a line of text
        <Paper
          role="alert"
          withBorder
          shadow="sm"
          p="xs"
          w={240}
          pos="absolute"
          top="calc(100% + 4px)"
          style={{ zIndex: 300 }}
        >
          <Text size="xs" c="var(--mantine-color-error)">
            {t('language.loadFailed')}
          </Text>
        </Paper>
      )}
    </Box>
  );
}
