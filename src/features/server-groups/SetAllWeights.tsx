import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import type { MessageKey } from '../../i18n/keys';
import { useT } from '../../i18n/react';
import { weightRange, weightSchema } from './schema';

/** "Set all weights": one weight for every staged row. */
export function SetAllWeights({ onSet, disabled }: { onSet: (weight: string) => void; disabled?: boolean }) {
  const [text, setText] = useState(String(weightRange.default));
  const [error, setError] = useState<MessageKey>();
  const t = useT();
  const apply = () => {
    const result = weightSchema.safeParse(text);
    if (!result.success) {
      setError(result.error.issues[0]?.message as MessageKey | undefined);
      return;
    }
    setError(undefined);
    onSet(String(Number(result.data)));
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={t('backends.setAll.label')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
        error={error ? t(error, weightRange) : undefined}
        inputMode="numeric"
        autoComplete="off"
        size="xs"
        w={150}
        disabled={disabled}
      />
      <Button size="xs" variant="default" onClick={apply} disabled={disabled} mt={22}>
        {t('backends.setAll.button')}
      </Button>
    </Group>
  );
}
