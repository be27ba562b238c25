import { Alert, List, Text } from '@mantine/core';
import { useT } from '../../i18n/react';
import '@mantine/core/styles/List.css';

export interface Blocked {
  /** What cannot be done, as a noun phrase: "Adding virtual IDs". */
  what: string;
  /** Why, naming the missing permission. */
  reason: string;
}

export interface ReadOnlyNoticeProps {
  /** What the page shows: "group", "server group". */
  noun: string;
  /** Everything this identity may not do here. */
  blocked: readonly Blocked[];
  /** Whether nothing at all may be changed (then the add form is not shown either). */
  readOnly: boolean;
}

/**
 * Says up front, once, what this identity may not change here and why, before any form is filled in.
 * ZStack refuses such a change anyway; the console only spares the admin the attempt.
 */
export function ReadOnlyNotice({ noun, blocked, readOnly }: ReadOnlyNoticeProps) {
  const t = useT();
  if (!blocked.length) return null;
  const reasons = [...new Set(blocked.map((b) => b.reason))];
  return (
    <Alert
      color="gray"
      variant="light"
      role="note"
      title={readOnly ? t('workbench.viewOnly', { what: noun }) : t('workbench.someBlocked', { what: noun })}
    >
      {readOnly ? (
        <Text size="sm">{reasons.join(' ')}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {blocked.map((b) => (
            <List.Item key={b.what}>
              {t('workbench.blockedItem', { what: b.what, reason: b.reason })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
