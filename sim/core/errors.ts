/**
 * ZStack's errors: an error code with the description of conf/errorCodes/{sys,identity}.xml (English in every
 * locale: ZStack has no translated error-code files) and details from Platform.err's format string and
 * arguments, translated through ZStack's catalogue when the node answers (sim/i18n).
 */
import { Msg, type SimLocale } from '../i18n/index.ts';

const DESCRIPTIONS: Record<string, string> = {
  'SYS.1000': 'An internal error happened in system',
  'SYS.1001': 'A message or a operation timeout',
  'SYS.1003': 'A resource can not be found',
  'SYS.1006': 'An operation failed',
  'SYS.1007': 'One or more API argument is invalid',
  'ID.1000': 'Unable to authenticate a user',
  'ID.1001': 'The session is invalid, either wrong session id or the session has been expired',
  'ID.1002': "The user doesn't have permission to perform the operation",
  'ID.1006': 'Max number of active sessions exceeded',
};

export interface ZStackErrorBody {
  code: string;
  description: string;
  details?: string;
  elaboration?: string;
  cause?: ZStackErrorBody;
  opaque?: Record<string, unknown>;
}

/** An API-level failure: HTTP 503 with {"error": {...}} (directly for sync APIs, from the job for async ones). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly details: Msg,
  ) {
    super(`${code}: ${details.render('en_US')}`);
  }

  bodyIn(locale: SimLocale): ZStackErrorBody {
    return {
      code: this.code,
      description: DESCRIPTIONS[this.code] ?? 'An operation failed',
      details: this.details.render(locale),
    };
  }
}

/**
 * A failure of the REST layer itself: a plain-text body with a 4xx/5xx status. Most of RestServer's texts
 * are plain String.format (not translated); pass a Msg for the ones it sends through Platform.i18n.
 */
export class RestError extends Error {
  private readonly msg: Msg;
  constructor(
    readonly status: number,
    text: string | Msg,
  ) {
    const msg = typeof text === 'string' ? new Msg(text, [], false) : text;
    super(msg.render('en_US'));
    this.msg = msg;
  }

  /** The English text (what most REST-layer errors are in every locale). */
  get text(): string {
    return this.message;
  }

  textIn(locale: SimLocale): string {
    return this.msg.render(locale);
  }
}

const err =
  (code: string, translated = true) =>
  (fmt: string, ...args: unknown[]): ApiError =>
    new ApiError(code, new Msg(fmt, args, translated));

/** Platform.argerr / operr / ...: the format string and arguments exactly as ZStack's code passes them. */
export const argerr = err('SYS.1007');
export const operr = err('SYS.1006');
export const notFound = err('SYS.1003');
/** SYS.1000: String.format, never translated (Platform.err). */
export const inerr = err('SYS.1000', false);
export const authErr = err('ID.1000');
export const sessionErr = err('ID.1001');
export const permissionErr = err('ID.1002');
