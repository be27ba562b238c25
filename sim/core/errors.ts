/** ZStack error codes with the descriptions of conf/errorCodes/{sys,identity}.xml. */
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

export function errorBody(code: string, details: string): ZStackErrorBody {
  return { code, description: DESCRIPTIONS[code] ?? 'An operation failed', details };
}

/** An API-level failure: HTTP 503 with {"error": {...}} (directly for sync APIs, from the job for async ones). */
export class ApiError extends Error {
  readonly body: ZStackErrorBody;
  constructor(code: string, details: string) {
    super(`${code}: ${details}`);
    this.body = errorBody(code, details);
  }
}

/** A failure of the REST layer itself: a plain-text body with a 4xx/5xx status. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}

export const argerr = (details: string): ApiError => new ApiError('SYS.1007', details);
export const operr = (details: string): ApiError => new ApiError('SYS.1006', details);
export const notFound = (details: string): ApiError => new ApiError('SYS.1003', details);
export const inerr = (details: string): ApiError => new ApiError('SYS.1000', details);
export const authErr = (details: string): ApiError => new ApiError('ID.1000', details);
export const sessionErr = (details: string): ApiError => new ApiError('ID.1001', details);
export const permissionErr = (details: string): ApiError => new ApiError('ID.1002', details);
