import { Code, Stack, Text, Title } from '@mantine/core';
import type { ApiLogEntry, LoggedBody } from '../../api/log/types';
import { afterLostAnswerLabel, jobEndLabels, truncatedLabel } from '../../api/log/messages';
import { useT } from '../../i18n/react';
import { CopyAs } from './CopyAs';
import classes from './ApiLogPanel.module.css';

/** A kept body for reading: JSON indented, anything else (a plain-text answer, a preview) as it is. */
function readable(body: LoggedBody): string {
  if (body.plain || body.truncated) return body.text;
  try {
    return JSON.stringify(JSON.parse(body.text), null, 2);
  } catch {
    return body.text;
  }
}

function Body({ title, body, none }: { title: string; body: LoggedBody | undefined; none: string }) {
  const t = useT();
  return (
    <section>
      <Title order={4} size="sm" mb={4}>
        {title}
      </Title>
      {body ? (
        <>
          {body.truncated ? (
            <Text size="xs" c="dimmed" mb={4}>
              {t(truncatedLabel, { size: body.size })}
            </Text>
          ) : null}
          <Code block className={classes.body} data-zstack-text>
            {readable(body)}
          </Code>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      )}
    </section>
  );
}

/**
 * What the log kept of a call, on demand: its job, query, ZStack's error, the request body and the
 * answer (the job's result for an async call) as indented JSON, all as text; then "copy as".
 */
export function EntryDetails({ id, entry }: { id: string; entry: ApiLogEntry }) {
  const t = useT();
  const { job, error } = entry;
  return (
    <Stack
      id={id}
      gap="sm"
      className={classes.details}
      aria-label={t('apiLog.details', { api: entry.apiName ?? entry.path })}
      role="region"
    >
      {job ? (
        <Text size="sm">
          {t('apiLog.job', { uuid: job.uuid })}: {t(jobEndLabels[job.end])} ·{' '}
          {t('apiLog.job.polls', { polls: job.polls })}
          {job.afterLostAnswer ? ` · ${t(afterLostAnswerLabel)}` : ''}
        </Text>
      ) : null}
      {entry.query ? (
        <Code block className={classes.body} data-zstack-text>
          {`?${entry.query}`}
        </Code>
      ) : null}
      {error ? (
        <section>
          <Title order={4} size="sm" mb={4}>
            {t('apiLog.error')}
          </Title>
          <Code block className={classes.body} data-zstack-text data-testid="log-error">
            {JSON.stringify(error, null, 2)}
          </Code>
        </section>
      ) : null}
      <Body title={t('apiLog.request')} body={entry.request} none={t('apiLog.noRequestBody')} />
      {entry.response || !error ? (
        <Body
          title={job ? t('apiLog.jobResult') : t('apiLog.response')}
          body={entry.response}
          none={t('apiLog.noResponse')}
        />
      ) : null}
      <CopyAs entry={entry} />
    </Stack>
  );
}
