import { useState } from 'react';
import { Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ApiLogEntry } from '../../api/log/types';
import { copyAs, sessionEnv, type Copied, type CopyFormat } from '../../api/log/copy';
import { useT } from '../../i18n/react';
import classes from './ApiLogPanel.module.css';

const formats = [
  ['curl', 'apiLog.copy.curl'],
  ['python', 'apiLog.copy.python'],
  ['java', 'apiLog.copy.java'],
] as const;

interface Shown {
  format: CopyFormat;
  copied: Copied;
  /** The clipboard took it (false on plain http, or when the browser refuses). */
  onClipboard: boolean;
}

async function toClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Copy as" curl, Python SDK or Java SDK: the exact call sent, with the session read from
 * $ZSTACK_SESSION (src/api/log/copy). The command is also shown, to select by hand where the browser
 * keeps the clipboard to itself (plain http).
 */
export function CopyAs({ entry }: { entry: ApiLogEntry }) {
  const t = useT();
  const [shown, setShown] = useState<Shown>();
  const name = (format: CopyFormat) => t(formats.find(([f]) => f === format)![1]);

  const copy = async (format: CopyFormat) => {
    const copied = copyAs(entry, format, window.location.origin);
    const onClipboard = copied.ok ? await toClipboard(copied.text) : false;
    setShown({ format, copied, onClipboard });
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('apiLog.copyAs')}>
        <Text size="sm" fw={600} component="span">
          {t('apiLog.copyAs')}
        </Text>
        {formats.map(([format, label]) => (
          <Button
            key={format}
            size="compact-sm"
            variant="light"
            aria-label={t('apiLog.copy.label', { format: t(label) })}
            onClick={() => void copy(format)}
          >
            {t(label)}
          </Button>
        ))}
      </Group>
      {shown ? (
        shown.copied.ok ? (
          <>
            <Text size="sm" role="status">
              {shown.onClipboard
                ? t('apiLog.copied', { format: name(shown.format), env: sessionEnv })
                : t('apiLog.copyFailed')}
            </Text>
            <Code
              block
              className={classes.body}
              aria-label={t('apiLog.copy.command', { format: name(shown.format) })}
              data-testid="copied-command"
              data-zstack-text
            >
              {shown.copied.text}
            </Code>
            {shown.copied.setup ? (
              <>
                <Text size="xs" c="dimmed">
                  {t('apiLog.copy.setup')}
                </Text>
                <Code block className={classes.body} data-zstack-text>
                  {shown.copied.setup}
                </Code>
              </>
            ) : null}
          </>
        ) : (
          <Text size="sm" role="status">
            {t(shown.copied.reason.key, shown.copied.reason.values)}
          </Text>
        )
      ) : null}
    </Stack>
  );
}
