import { useDeferredValue, useId, useState } from 'react';
import { Button, Group, List, Stack, Textarea } from '@mantine/core';
import { useT } from '../../i18n/react';
import { lineProblems, parseIpLines, type IpEntry } from './ipLines';
import { weightRange } from './schema';
import '@mantine/core/styles/List.css';

/** How many line problems are listed at once (a paste of thousands of bad lines stays readable). */
const shownProblems = 50;

export interface IpLinesInputProps {
  onAdd: (entries: IpEntry[]) => void;
  /** Why IP addresses cannot be added here (a Shared load balancer), shown instead of the help. */
  disabledReason?: string;
  readOnly?: boolean;
}

/**
 * "IP addresses": one address per line, optionally followed by a weight; "Add to list" stages the good
 * lines and leaves the bad ones in place, each with its line number and reason (re-checked as they are
 * edited).
 */
export function IpLinesInput({ onAdd, disabledReason, readOnly }: IpLinesInputProps) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const deferred = useDeferredValue(text);
  const problems = checked ? lineProblems(deferred) : [];
  const listId = useId();
  const t = useT();

  const addToList = () => {
    const parsed = parseIpLines(text);
    if (parsed.entries.length) onAdd(parsed.entries);
    setText(parsed.rest);
    setChecked(parsed.problems.length > 0);
  };

  const disabled = !!disabledReason;
  return (
    <Stack gap={6}>
      <Textarea
        label={t('backends.ips.label')}
        description={disabledReason ?? t('backends.ips.help', weightRange)}
        placeholder={disabled ? undefined : '192.168.2.10\n192.168.2.11 50\nfd00::10'}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          if (!e.currentTarget.value.trim()) setChecked(false);
        }}
        // fixed rows, no autosize: measuring the text on every change would force a layout of the page
        rows={4}
        resize="vertical"
        disabled={disabled}
        readOnly={readOnly}
        error={problems.length ? t('backends.ips.notAdded', { count: problems.length }) : undefined}
        aria-describedby={problems.length ? listId : undefined}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {problems.length ? (
        <List size="xs" spacing={0} id={listId} aria-label={t('backends.ips.problemsLabel')} c="red">
          {problems.slice(0, shownProblems).map((p) => (
            <List.Item key={p.line}>
              {t('backends.ips.lineProblem', {
                line: p.line,
                reason: t(p.reason, weightRange),
                value: p.value,
              })}
            </List.Item>
          ))}
          {problems.length > shownProblems ? (
            <List.Item>{t('backends.ips.moreLines', { count: problems.length - shownProblems })}</List.Item>
          ) : null}
        </List>
      ) : null}
      <Group justify="flex-end">
        <Button
          variant="default"
          size="xs"
          onClick={addToList}
          disabled={disabled || readOnly || !text.trim()}
        >
          {t('backends.ips.addToList')}
        </Button>
      </Group>
    </Stack>
  );
}
