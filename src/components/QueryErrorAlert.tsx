import type { ZStackError } from '../api/errors';
import { ZStackErrorAlert } from './ZStackErrorAlert';
import { useT } from '../i18n/react';

export interface QueryErrorAlertProps {
  /** A read (React Query's result): its error, and how to ask again. */
  query: { error: ZStackError | null; refetch: () => unknown };
  /** What was being read, as a verb phrase: "load the group". */
  action: string;
  retryLabel?: string;
  /** Smaller, inside a picker's list. */
  compact?: boolean;
}

/** A read that failed, shown where its content would be, with ZStack's three fields and "Retry". */
export function QueryErrorAlert({ query, action, retryLabel, compact }: QueryErrorAlertProps) {
  const t = useT();
  if (!query.error) return null;
  return (
    <ZStackErrorAlert
      error={query.error}
      action={action}
      onRetry={() => void query.refetch()}
      retryLabel={retryLabel ?? t('common.retry')}
      compact={compact}
    />
  );
}
