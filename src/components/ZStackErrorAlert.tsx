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

function headline(error: ZStackError, action?: string): string {
  if (isPermissionError(error)) return `You do not have permission to ${action ?? 'do this'}`;
  if (isSessionError(error)) return 'Your session has expired';
  if (error.code === ConsoleCode.jobTimeout)
    return `Still running, not confirmed${action ? `: ${action}` : ''}`;
  if (error.code === ConsoleCode.notConfirmed) return `Not confirmed${action ? `: ${action}` : ''}`;
  if (error.code === ConsoleCode.notReceived)
    return `Not sent: ${action ?? 'the request'} did not reach ZStack`;
  return action ? `Could not ${action}` : 'The request failed';
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
  // every failure the console meets is a ZStackError; anything else (a bug) is still shown, not lost
  const error = asZStackError(given);
  const logLink = useApiLogLink(error);
  const size = compact ? 'xs' : 'sm';
  const causes: ZStackErrorBody[] = [];
  for (let c = error.causeBody; c && causes.length < 5; c = c.cause) causes.push(c);
  return (
    <Alert
      color={isUnconfirmed(error) ? 'yellow' : 'red'}
      title={headline(error, action)}
      role="alert"
      variant="light"
      p={compact ? 'xs' : undefined}
      styles={compact ? { title: { fontSize: 'var(--mantine-font-size-sm)' } } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text size={size} fw={600} component="span">
            Code
          </Text>
          <Code data-testid="error-code">{error.code}</Code>
        </Group>
        <Text size={size} data-testid="error-description">
          <Text span fw={600}>
            Description:{' '}
          </Text>
          {error.description || '(none given)'}
        </Text>
        <Text size={size} data-testid="error-details" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            Details:{' '}
          </Text>
          {error.details || '(none given)'}
        </Text>
        {error.elaboration ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              Elaboration:{' '}
            </Text>
            {error.elaboration}
          </Text>
        ) : null}
        {causes.map((cause, i) => (
          <Text size="xs" c="dimmed" key={i} style={{ overflowWrap: 'anywhere' }}>
            Caused by {cause.code}: {cause.description} {cause.details}
          </Text>
        ))}
        {isSessionError(error) ? (
          <Text size="sm">
            ZStack refused it before doing anything: nothing was changed. Log in again, then send it again.
          </Text>
        ) : null}
        {error.jobUuid ? (
          <Text size="xs" c="dimmed">
            Job {error.jobUuid}
          </Text>
        ) : null}
        {logLink}
        {children}
        {onRetry || onCheckAgain ? (
          <Group gap="xs">
            {onCheckAgain ? (
              <Button size="xs" variant="light" onClick={onCheckAgain}>
                Check again
              </Button>
            ) : null}
            {onRetry ? (
              <Button size="xs" variant="light" onClick={onRetry}>
                {retryLabel ?? 'Try again'}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
