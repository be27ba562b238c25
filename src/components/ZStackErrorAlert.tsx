import type { ReactNode } from 'react';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import {
  asZStackError,
  ConsoleCode,
  isPermissionError,
  isSessionError,
  isUnconfirmed,
  type ZStackError,
  type ZStackErrorBody,
} from '../api/errors';
import { useApiLogLink } from './api-log/linkContext';
import { useT, type Translate } from '../i18n/react';

export interface ZStackErrorAlertProps {
  error: ZStackError;
  /** What was being attempted, as a verb phrase: "add backend servers". */
  action?: string;
  onRetry?: () => void;
  retryLabel?: string;
  /** After "still running" or "not confirmed": follow the same job again (sends nothing). */
  onCheckAgain?: () => void;
  /** Smaller text, for inside a picker's list or a table's cell. */
  compact?: boolean;
  children?: ReactNode;
}

function headline(t: Translate, error: ZStackError, action?: string): string {
  const values = { action: action ?? '' };
  if (isPermissionError(error))
    return action ? t('errors.title.permission', values) : t('errors.title.permissionAny');
  if (isSessionError(error)) return t('errors.title.session');
  if (error.code === ConsoleCode.jobTimeout)
    return action ? t('errors.title.stillRunning', values) : t('errors.stillRunning');
  if (error.code === ConsoleCode.notConfirmed)
    return action ? t('errors.title.notConfirmed', values) : t('errors.title.notConfirmedAny');
  if (error.code === ConsoleCode.notReceived)
    return action ? t('errors.title.notReceived', values) : t('errors.title.notReceivedAny');
  return action ? t('errors.title.failed', values) : t('errors.title.failedAny');
}

/**
 * Shows a ZStack failure where it happened: ZStack's code, description and details (and elaboration and
 * causes when given), as text. role="alert" so that assistive technology announces it.
 */
export function ZStackErrorAlert({
  error: given,
  action,
  onRetry,
  retryLabel,
  onCheckAgain,
  compact = false,
  children,
}: ZStackErrorAlertProps) {
  const t = useT();
  // every failure the console meets is a ZStackError; anything else (a bug) is still shown, not lost
  const error = asZStackError(given);
  const logLink = useApiLogLink(error);
  // the console's own errors in the language shown now; ZStack's as the node worded them
  const description = error.text?.description
    ? t(error.text.description.key, error.text.description.values)
    : error.description;
  const details = error.text?.details ? t(error.text.details.key, error.text.details.values) : error.details;
  const size = compact ? 'xs' : 'sm';
  const causes: ZStackErrorBody[] = [];
  for (let c = error.causeBody; c && causes.length < 5; c = c.cause) causes.push(c);
  return (
    <Alert
      color={isUnconfirmed(error) ? 'yellow' : 'red'}
      title={headline(t, error, action)}
      role="alert"
      variant="light"
      p={compact ? 'xs' : undefined}
      styles={compact ? { title: { fontSize: 'var(--mantine-font-size-sm)' } } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text size={size} fw={600} component="span">
            {t('errors.code')}
          </Text>
          <Code data-testid="error-code">{error.code}</Code>
        </Group>
        <Text size={size} data-testid="error-description">
          <Text span fw={600}>
            {t('errors.description')}{' '}
          </Text>
          {description || t('errors.noneGiven')}
        </Text>
        <Text size={size} data-testid="error-details" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t('errors.details')}{' '}
          </Text>
          {details || t('errors.noneGiven')}
        </Text>
        {error.elaboration ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              {t('errors.elaboration')}{' '}
            </Text>
            {error.elaboration}
          </Text>
        ) : null}
        {causes.map((cause, i) => (
          <Text size="xs" c="dimmed" key={i} style={{ overflowWrap: 'anywhere' }}>
            {t('errors.causedBy', {
              code: cause.code,
              description: cause.description ?? '',
              details: cause.details ?? '',
            })}
          </Text>
        ))}
        {isSessionError(error) ? <Text size="sm">{t('errors.sessionHint')}</Text> : null}
        {error.jobUuid ? (
          <Text size="xs" c="dimmed">
            {t('errors.job', { job: error.jobUuid })}
          </Text>
        ) : null}
        {logLink}
        {children}
        {onRetry || onCheckAgain ? (
          <Group gap="xs">
            {onCheckAgain ? (
              <Button size="xs" variant="light" onClick={onCheckAgain}>
                {t('errors.checkAgain')}
              </Button>
            ) : null}
            {onRetry ? (
              <Button size="xs" variant="light" onClick={onRetry}>
                {retryLabel ?? t('errors.tryAgain')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
