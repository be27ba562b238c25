import type { ZStackError } from '../api/errors';
import { ZStackErrorAlert } from './ZStackErrorAlert';

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
export function QueryErrorAlert({ query, action, retryLabel = 'Retry', compact }: QueryErrorAlertProps) {
  if (!query.error) return null;
  return (
    <ZStackErrorAlert
      error={query.error}
      action={action}
      onRetry={() => void query.refetch()}
      retryLabel={retryLabel}
      compact={compact}
    />
  );
}
