import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { Button, Checkbox, Drawer, Group, Stack, Text, TextInput } from '@mantine/core';
import { useApiLog } from '../../api/log/useApiLog';
import { apiLog } from '../../api/log/store';
import { useT } from '../../i18n/react';
import { EntryRow } from './EntryRow';
import { rowId } from './rowId';
import { exportShown } from './download';
import { closeApiLog, useApiLogPanel } from './panelState';
import classes from './ApiLogPanel.module.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/Badge.css';

const noFilter = { writesOnly: false, failuresOnly: false, text: '' };
const checkboxes = [
  ['writesOnly', 'apiLog.filter.writesOnly'],
  ['failuresOnly', 'apiLog.filter.failuresOnly'],
] as const;

/**
 * The API log: every ZStack call of this session, newest first, with filters (writes only, failures
 * only, text), an export of what it shows as JSON, and each call's details on demand. A drawer from the
 * right, the whole width below 800 px; Escape or the close button closes it and gives the focus back.
 */
export function ApiLogPanel() {
  const t = useT();
  const { opened, focus } = useApiLogPanel();
  const [filter, setFilter] = useState(noFilter);
  const { text } = filter;
  // Typing stays responsive while the filter runs over every body of the log.
  const deferredText = useDeferredValue(text);
  const all = useApiLog();
  const entries = useApiLog({ ...filter, text: deferredText });
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [toFocus, setToFocus] = useState<number>();

  // Opened at an entry (an inline error's link): show it, whatever the filters, and move the focus to it.
  const [shownFocus, setShownFocus] = useState<number>();
  if (focus && focus.request !== shownFocus) {
    setShownFocus(focus.request);
    if (!entries.some((e) => e.id === focus.entry)) setFilter(noFilter);
    setExpanded((s) => new Set(s).add(focus.entry));
    setToFocus(focus.entry);
  }
  // once the drawer is in (its focus trap has placed the focus by then)
  const [entered, setEntered] = useState(false);
  useEffect(() => {
    if (toFocus === undefined || !entered) return;
    const frame = window.requestAnimationFrame(() => {
      const row = document.getElementById(rowId(toFocus));
      setToFocus(undefined);
      row?.scrollIntoView({ block: 'start' });
      row?.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [toFocus, entered]);

  const toggle = useCallback(
    (id: number) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const filtered = filter.writesOnly || filter.failuresOnly || text.trim() !== '';

  return (
    <Drawer
      opened={opened}
      onClose={closeApiLog}
      position="right"
      size="min(800px, 100%)"
      title={t('apiLog.title')}
      closeButtonProps={{ 'aria-label': t('apiLog.close') }}
      onEnterTransitionEnd={() => setEntered(true)}
      onExitTransitionEnd={() => {
        setEntered(false);
        setToFocus(undefined);
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" role="status">
          {t('apiLog.summary', { shown: entries.length, total: all.length, max: apiLog.options.maxEntries })}
        </Text>
        <Group gap="md" align="flex-end" role="group" aria-label={t('apiLog.filters')}>
          <TextInput
            label={t('apiLog.filter.text')}
            placeholder={t('apiLog.filter.textHint')}
            value={text}
            onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
            type="search"
            size="xs"
            style={{ flex: '1 1 220px' }}
          />
          {checkboxes.map(([name, label]) => (
            <Checkbox
              key={name}
              label={t(label)}
              checked={filter[name]}
              onChange={(e) => setFilter({ ...filter, [name]: e.currentTarget.checked })}
              size="sm"
              mb={4}
            />
          ))}
          <Button
            size="xs"
            variant="default"
            onClick={() => exportShown(entries)}
            disabled={entries.length === 0}
            title={t('apiLog.exportTitle')}
          >
            {t('apiLog.export')}
          </Button>
        </Group>
        {entries.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{filtered ? t('apiLog.noMatch') : t('apiLog.empty')}</Text>
            {filtered ? (
              <Button size="xs" variant="subtle" onClick={() => setFilter(noFilter)}>
                {t('apiLog.clearFilters')}
              </Button>
            ) : null}
          </Stack>
        ) : (
          <ol className={classes.list} aria-label={t('apiLog.list')}>
            {entries.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                expanded={expanded.has(entry.id)}
                focusTarget={entry.id === toFocus}
                onToggle={toggle}
              />
            ))}
          </ol>
        )}
      </Stack>
    </Drawer>
  );
}
