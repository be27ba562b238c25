import { useState, type ReactElement } from 'react';
import { Button, TextInput, Tooltip } from '@mantine/core';
import type { MessageKey } from '../../i18n/keys';
import { useT } from '../../i18n/react';
import { weightRange, weightSchema } from './schema';
import '@mantine/core/styles/Tooltip.css';

/** A disabled control with its reason on hover and focus (on a wrapper: disabled buttons get no events). */
export function WithReason({ reason, children }: { reason?: string; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason} withinPortal multiline maw={280}>
      <span tabIndex={0} style={{ display: 'inline-block' }}>
        {children}
      </span>
    </Tooltip>
  );
}

/**
 * A backend's weight changed in place: which backend is being edited, what was typed, and why it is
 * refused. "Change weight of <label>" opens "New weight for <label>"; "Save weight" or Enter sends it,
 * "Cancel" or Escape closes it.
 */
export type WeightEditor = ReturnType<typeof useWeightEditor>;

export function useWeightEditor() {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<MessageKey>();
  const t = useT();
  const save = (onSave: (weight: number) => void) => {
    const result = weightSchema.safeParse(draft);
    if (!result.success) return setError(result.error.issues[0]?.message as MessageKey | undefined);
    setError(undefined);
    onSave(Number(result.data));
  };
  return {
    editing,
    start: (key: string, weight: number) => {
      setEditing(key);
      setDraft(String(weight));
      setError(undefined);
    },
    stop: () => setEditing(null),
    input: (label: string, saving: boolean, onSave: (weight: number) => void) => (
      <TextInput
        aria-label={t('backends.weight.newFor', { label })}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save(onSave);
          if (e.key === 'Escape') setEditing(null);
        }}
        // the message is tied to the input (aria-describedby), so that it is announced with it
        error={error ? t(error, weightRange) : undefined}
        inputMode="numeric"
        autoComplete="off"
        size="xs"
        w={64}
        styles={{ error: { width: 'max-content', maxWidth: 180, whiteSpace: 'normal' } }}
        autoFocus
        readOnly={saving}
      />
    ),
    buttons: (saving: boolean, onSave: (weight: number) => void) => (
      <>
        <Button size="xs" onClick={() => save(onSave)} loading={saving}>
          {t('backends.weight.save')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setEditing(null)} disabled={saving}>
          {t('common.cancel')}
        </Button>
      </>
    ),
  };
}
