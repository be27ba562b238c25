import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { weightRange, weightSchema } from './schema';

/** "Set all weights": one weight for every staged row. */
export function SetAllWeights({ onSet, disabled }: { onSet: (weight: string) => void; disabled?: boolean }) {
  const [text, setText] = useState(String(weightRange.default));
  const [error, setError] = useState<string>();
  const apply = () => {
    const result = weightSchema.safeParse(text);
    if (!result.success) {
      setError(result.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    onSet(String(Number(result.data)));
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label="Set all weights to"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
        error={error}
        inputMode="numeric"
        autoComplete="off"
        size="xs"
        w={150}
        disabled={disabled}
      />
      <Button size="xs" variant="default" onClick={apply} disabled={disabled} mt={22}>
        Set all weights
      </Button>
    </Group>
  );
}
