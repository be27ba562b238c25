import type { ApiLogEntry, LoggedBody } from './types';

/** A kept body as data: the JSON itself when kept whole, else what is left of it and its full size. */
function bodyValue(body: LoggedBody | undefined): unknown {
  if (!body) return undefined;
  if (body.truncated) return { truncated: true, size: body.size, preview: body.text };
  if (body.plain) return body.text;
  try {
    return JSON.parse(body.text);
  } catch {
    return body.text;
  }
}

/**
 * The log as a JSON document (what "Export" saves): every entry with its bodies as JSON, newest first.
 * It holds only what the log holds, so no session id or password hash.
 */
export function exportLog(entries: readonly ApiLogEntry[], exportedAt = new Date()): string {
  return JSON.stringify(
    {
      exportedAt: exportedAt.toISOString(),
      entries: entries.map((e) => ({
        ...e,
        at: new Date(e.at).toISOString(),
        request: bodyValue(e.request),
        response: bodyValue(e.response),
      })),
    },
    null,
    2,
  );
}
