import { List, Text } from '@mantine/core';
import { useLocale, useT } from '../../../i18n/react';
import { algorithmLabel, type ListenerSettings } from './listenerSettings';
import type { TrafficMessage } from './messages';
import type { GroupShares } from './shares';
import { useTrafficText } from './ShareCells';
import '@mantine/core/styles/List.css';

export interface ShareNotesProps {
  shares: GroupShares;
  names: ReadonlyMap<string, string>;
  settings?: ReadonlyMap<string, ListenerSettings>;
  /** Sentences for the whole group first (where weights have no effect, health needs ZWatch). */
  extra?: readonly (TrafficMessage | undefined)[];
  /** Tells apart the lists of the backends table and of the staged rows. */
  id: string;
}

/**
 * What decides the shares, per listener (once when every listener shares alike), with the conditions on
 * the figures: the sentences the share cells stand on.
 */
export function ShareNotes({ shares, names, settings, extra = [], id }: ShareNotesProps) {
  const t = useT();
  const text = useTrafficText();
  const between = useLocale() === 'zh-CN' ? '' : ' ';
  const groups =
    shares.uniform && shares.listeners.length ? [shares.listeners] : shares.listeners.map((l) => [l]);
  const whole = extra.filter((m): m is TrafficMessage => !!m);
  if (!shares.listeners.length && !whole.length) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} id={`${id}-heading`}>
        {t('traffic.share.notes')}
      </Text>
      <List size="xs" spacing={2} aria-labelledby={`${id}-heading`}>
        {whole.map((m) => (
          <List.Item key={m.key}>{text(m)}</List.Item>
        ))}
        {groups.map((ls) => {
          const first = ls[0]!;
          const s = settings?.get(first.listenerUuid);
          const listener = ls.map((l) => names.get(l.listenerUuid) ?? l.listenerUuid).join(', ');
          const algorithm = s ? text(algorithmLabel(s).label) : '…';
          return (
            <List.Item key={first.listenerUuid}>
              <b>{t('traffic.share.listenerNote', { listener, algorithm })}</b>{' '}
              {first.notes.map((n) => text(n)).join(between)}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}

/** Beside weight inputs: where weights have no effect (traffic/shares.ts weightEffect). */
export function WeightEffectNote({ effect }: { effect: TrafficMessage }) {
  const text = useTrafficText();
  return (
    <Text size="sm" c="dimmed" role="note">
      {text(effect)}
    </Text>
  );
}
