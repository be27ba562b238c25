import { translate } from '../i18n/i18n';
import type { Message } from '../i18n/message';

/** The shape ZStack puts under "error" in a 503 (and in a failed job). */
export interface ZStackErrorBody {
  code: string;
  description?: string;
  details?: string;
  elaboration?: string;
  cause?: ZStackErrorBody;
}

/** Codes the console gives to failures that never reached ZStack's API layer. */
export const ConsoleCode = {
  network: 'CONSOLE.NETWORK',
  http: 'CONSOLE.HTTP',
  malformed: 'CONSOLE.MALFORMED',
  jobTimeout: 'CONSOLE.JOB_TIMEOUT',
  notReceived: 'CONSOLE.NOT_RECEIVED',
  /** The job's state could not be read (its answers kept failing): it may or may not have been done. */
  notConfirmed: 'CONSOLE.NOT_CONFIRMED',
  aborted: 'CONSOLE.ABORTED',
  /** The console is not logged in (the session ended): nothing was sent. */
  noSession: 'CONSOLE.NO_SESSION',
  /** The request line would be longer than a proxy in front of ZStack accepts: nothing was sent. */
  requestTooLong: 'CONSOLE.REQUEST_TOO_LONG',
} as const;

/**
 * The console's own words of a CONSOLE.* error, as messages: shown in the language of the moment they
 * are shown (the error's `description` and `details` hold them in the language of the moment it was
 * made, for logs and searches).
 */
export interface ConsoleText {
  description?: Message;
  details?: Message;
}

/** Where a write of several calls stopped: calls before `done` were carried out, the others were not. */
export interface BatchPosition {
  done: number;
  of: number;
}

/**
 * Every failure the console can meet, with the same three fields to show: ZStack's own errors keep their
 * code/description/details; transport failures get a CONSOLE.* code so the user still sees what happened.
 */
export class ZStackError extends Error {
  readonly code: string;
  readonly description: string;
  readonly details: string;
  readonly elaboration?: string;
  readonly causeBody?: ZStackErrorBody;
  /** HTTP status of the answer that carried the error, 0 when there was no answer. */
  readonly status: number;
  /** The async job this error belongs to, when there was one. */
  readonly jobUuid?: string;
  /** For a write of several calls: which call failed (the ones before it were carried out). */
  readonly batch?: BatchPosition;
  /** Set on the console's own errors (CONSOLE.*): what to show, translated where it is shown. */
  readonly text?: ConsoleText;

  constructor(
    body: ZStackErrorBody,
    status: number,
    jobUuid?: string,
    batch?: BatchPosition,
    text?: ConsoleText,
  ) {
    super(`${body.code}: ${body.description ?? ''}${body.details ? ` (${body.details})` : ''}`);
    this.name = 'ZStackError';
    this.code = body.code;
    this.description = body.description ?? '';
    this.details = body.details ?? '';
    this.elaboration = body.elaboration;
    this.causeBody = body.cause;
    this.status = status;
    this.jobUuid = jobUuid;
    this.batch = batch;
    this.text = text;
  }

  withJob(jobUuid: string): ZStackError {
    return new ZStackError(this.body(), this.status, jobUuid, this.batch, this.text);
  }

  inBatch(batch: BatchPosition): ZStackError {
    return new ZStackError(this.body(), this.status, this.jobUuid, batch, this.text);
  }

  body(): ZStackErrorBody {
    return {
      code: this.code,
      description: this.description,
      details: this.details,
      elaboration: this.elaboration,
      cause: this.causeBody,
    };
  }
}

/**
 * An error of the console's own (a CONSOLE.* code), worded by the catalogue; `raw` holds what is not the
 * console's to word (a proxy's status line and body, an exception's message), shown as it came.
 */
export function consoleError(
  code: string,
  status: number,
  text: ConsoleText,
  { jobUuid, ...raw }: { jobUuid?: string; description?: string; details?: string } = {},
): ZStackError {
  const say = (m: Message | undefined) => (m ? translate(m.key, m.values) : undefined);
  return new ZStackError(
    {
      code,
      description: raw.description ?? say(text.description),
      details: raw.details ?? say(text.details),
    },
    status,
    jobUuid,
    undefined,
    text,
  );
}

export function isZStackError(e: unknown): e is ZStackError {
  return e instanceof ZStackError;
}

/**
 * ID.1001: the session is invalid or expired (ZStack raises it before the API does anything), or the
 * console had no session to send.
 */
export function isSessionError(e: unknown): boolean {
  return isZStackError(e) && (e.code === 'ID.1001' || e.code === ConsoleCode.noSession);
}

/**
 * ZStack's permission refusals, in both of its locales (conf/i18n/messages_*.properties), each by the part
 * that stays put around the names and UUIDs ZStack puts in: "operation[API:x] is denied by default"
 * (默认情况下拒绝操作[API：x]), "the operation is denied by the policy[...]" (操作被策略[...]拒绝; with a
 * field: 策略[...]拒绝该操作), "permission denied, the account[...] is not the owner of the (tagged)
 * resource[...]" (不是资源[...]的所有者, 不是已标记资源[...]的所有者), "the account[...] has no access to the
 * resources[...]" (无法使用资源), "Permission denied for: x" (权限被拒绝).
 */
const deniedPattern =
  /denied by (default|the policy)|not the owner|has no access|permission denied|默认情况下拒绝操作|操作被策略|拒绝该操作|不是(已标记)?资源\[|无法使用资源|权限被拒绝/i;

/** ID.1002, or SYS.1006 whose details say the caller may not do this (in English or Chinese). */
export function isPermissionError(e: unknown): boolean {
  if (!isZStackError(e)) return false;
  if (e.code === 'ID.1002') return true;
  return e.code === 'SYS.1006' && deniedPattern.test(`${e.details} ${e.description}`);
}

/**
 * Errors that come from ZStack's validation or the console's own checks: retrying the same request gives
 * the same answer, so React Query must not retry them.
 */
export function isRetryable(e: unknown): boolean {
  if (!isZStackError(e)) return false;
  if (e.code === ConsoleCode.network) return true;
  return e.code === ConsoleCode.http && e.status >= 500 && e.status !== 501;
}

/** The write's outcome is unknown: the job may still finish, or may have finished. "Check again" follows it. */
export function isUnconfirmed(e: ZStackError | null | undefined): boolean {
  return e?.code === ConsoleCode.jobTimeout || e?.code === ConsoleCode.notConfirmed;
}

export function asZStackError(e: unknown): ZStackError {
  if (isZStackError(e)) return e;
  if (e instanceof DOMException && e.name === 'AbortError') {
    return consoleError(ConsoleCode.aborted, 0, { description: { key: 'errors.aborted' } });
  }
  const message = e instanceof Error ? e.message : String(e);
  return consoleError(
    'CONSOLE.UNEXPECTED',
    0,
    { description: { key: 'errors.unexpected' } },
    { details: message },
  );
}

/** Text values that an error names (IPs, UUIDs) so that a form can mark the entries it refers to. */
export function errorMentions(e: ZStackError, candidates: readonly string[]): string[] {
  const text = [e.details, e.description, e.elaboration ?? ''].join(' ');
  return candidates.filter((c) => c.length > 0 && mentions(text, c));
}

/**
 * A ':' just before a value joins it to an IPv6 address ("::ffff:10.0.0.1", "fd00::5") but is a separator
 * after a field name, as in ZStack's own messages: "ip [ipAddress:10.0.0.1] is repeated", "vmnic[uuid:...]".
 */
function ipv6GroupBefore(text: string, at: number): boolean {
  if (text[at - 1] !== ':') return false;
  const word = /[0-9A-Za-z]*$/.exec(text.slice(Math.max(0, at - 41), at - 1))?.[0] ?? '';
  return word === '' || /^[0-9A-Fa-f]{1,4}$/.test(word);
}

function mentions(text: string, value: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(value, from);
    if (at < 0) return false;
    const end = at + value.length;
    // "10.0.0.1" must not match inside "10.0.0.12" or "110.0.0.1", but may end a sentence ("10.0.0.1.")
    const joinedBefore = /[0-9A-Za-z.]/.test(text[at - 1] ?? ' ') || ipv6GroupBefore(text, at);
    const joinedAfter =
      /[0-9A-Za-z:]/.test(text[end] ?? ' ') || /^\.[0-9A-Za-z]/.test(text.slice(end, end + 2));
    if (!joinedBefore && !joinedAfter) return true;
    from = at + 1;
  }
}
