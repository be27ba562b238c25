import type { ApiLogEntry } from '../types';
import { pieces, sessionEnv } from './secrets';

/** One word for a POSIX shell: single-quoted, a masked secret spliced in as "$VAR". */
export function shellWord(text: string): string {
  return pieces(text)
    .map((p) => (typeof p === 'string' ? `'${p.replaceAll("'", `'\\''`)}'` : `"$${p.env}"`))
    .join('');
}

/**
 * Past this, the body goes on standard input (a quoted here-document) instead of the command line:
 * Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN).
 */
export const inlineBodyLimit = 100_000;
const heredocEnd = 'ZSTACK_BODY';

/**
 * The call as a curl command, as ZStack's API pages print it (RestDocumentationGenerator's curlExample():
 * Content-Type, Authorization, -X, -d, the URL), with `$ZSTACK_SESSION` for the session and the exact path,
 * query and body the console sent. `origin` is where the console reaches ZStack (its own origin).
 */
export function curlCommand(entry: ApiLogEntry, origin: string, noSession: boolean): string {
  const words = ['curl'];
  const body = entry.request?.text;
  if (body !== undefined) words.push('-H', shellWord('Content-Type: application/json;charset=UTF-8'));
  if (!noSession) words.push('-H', `"Authorization: OAuth $${sessionEnv}"`);
  words.push('-X', entry.method);
  const url = `${origin.replace(/\/$/, '')}${entry.path}${entry.query ? `?${entry.query}` : ''}`;
  const onStdin = body !== undefined && body.length > inlineBodyLimit && pieces(body).length === 1;
  if (body !== undefined && !onStdin) words.push('-d', shellWord(body));
  if (onStdin) words.push('--data-binary', '@-');
  words.push(shellWord(url));
  const command = words.join(' ');
  // The kept body is JSON.stringify's: one line, so it can never be the closing line.
  return onStdin ? `${command} <<'${heredocEnd}'\n${body}\n${heredocEnd}` : command;
}
