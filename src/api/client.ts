import { ConsoleCode, consoleError, ZStackError, type ZStackErrorBody } from './errors';
import { maxRequestLine, requestLineLength } from './batch';
import { getSessionId, reportSessionExpired } from './session';
import { logRequest, type RequestLog } from './log/wire';

export const apiBase = '/zstack/v1';

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue> | URLSearchParams;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Send the session (default). Login, LogOut and job polls need none. */
  auth?: boolean;
  /** Use this session instead of the console's current one (the steps of a login). */
  session?: string;
  /** The API log: by default each request is an entry (log/wire.ts); a job's request and polls say. */
  log?: RequestLog;
}

export interface RawResponse<T> {
  status: number;
  data: T;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const url = path.startsWith('/zstack/') ? path : `${apiBase}${path}`;
  const params = query instanceof URLSearchParams ? query : toSearchParams(query);
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function toSearchParams(query: Record<string, QueryValue> | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  return params;
}

/**
 * Sends one request to ZStack and returns the parsed body with its status (200 or 202). Every failure
 * becomes a ZStackError: ZStack's own {"error": ...} bodies keep their fields, plain-text REST errors,
 * non-JSON bodies and network failures get a CONSOLE.* code.
 */
export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<RawResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
  if (options.auth !== false) {
    const session = options.session ?? getSessionId();
    // Without a session ZStack answers a plain-text 400 ("missing header 'Authorization'"): the session
    // has ended and the re-login dialog is open, so say that instead and send nothing.
    if (!session) throw noSession(method, path);
    headers.Authorization = `OAuth ${session}`;
  }
  const url = buildUrl(path, options.query);
  if (requestLineLength(method, url) > maxRequestLine) throw tooLong(method, path, url);
  const call = { method, url, body: options.body, authorization: headers.Authorization };
  return logRequest(call, options.log, () => send<T>(method, path, url, headers, options));
}

async function send<T>(
  method: string,
  path: string,
  url: string,
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<RawResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw consoleError(ConsoleCode.network, 0, {
      description: { key: 'errors.network' },
      details: {
        key: 'errors.network.details',
        values: { method, path, reason: e instanceof Error ? e.message : String(e) },
      },
    });
  }

  const text = await response.text();
  const parsed = parseJson(text);

  if (response.status === 200 || response.status === 202) {
    if (parsed.ok) return { status: response.status, data: parsed.value as T };
    throw malformed(method, path, response.status, text);
  }

  const error = parsed.ok ? errorBodyOf(parsed.value) : undefined;
  if (error) {
    const err = new ZStackError(error, response.status);
    if (err.code === 'ID.1001') reportSessionExpired();
    throw err;
  }
  // The status line and the body are the server's (a proxy's): shown as sent; an empty body gets the
  // console's words.
  const body = text.trim().slice(0, 500);
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  throw consoleError(
    ConsoleCode.http,
    response.status,
    body ? {} : { details: { key: 'errors.http.noBody', values: { method, path, status: response.status } } },
    body ? { description: status, details: body } : { description: status },
  );
}

function noSession(method: string, path: string): ZStackError {
  return consoleError(ConsoleCode.noSession, 0, {
    description: { key: 'errors.noSession' },
    details: { key: 'errors.noSession.details', values: { method, path } },
  });
}

function tooLong(method: string, path: string, url: string): ZStackError {
  return consoleError(ConsoleCode.requestTooLong, 0, {
    description: { key: 'errors.tooLong' },
    details: {
      key: 'errors.tooLong.details',
      values: { method, path, bytes: requestLineLength(method, url), max: maxRequestLine },
    },
  });
}

/**
 * An answer the console cannot read: not JSON, or (with `unexpected`, 'an unexpected shape') not the
 * inventory it asked for.
 */
export function malformed(
  method: string,
  path: string,
  status: number,
  text: string,
  unexpected?: string,
): ZStackError {
  const values = { method, path, status, text: text.slice(0, 200) };
  return consoleError(ConsoleCode.malformed, status, {
    description: { key: 'errors.malformed' },
    details: unexpected
      ? { key: 'errors.malformed.shape', values }
      : { key: 'errors.malformed.notJson', values },
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function errorBodyOf(value: unknown): ZStackErrorBody | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string') return undefined;
  return {
    code: e.code,
    description: typeof e.description === 'string' ? e.description : undefined,
    details: typeof e.details === 'string' ? e.details : undefined,
    elaboration: typeof e.elaboration === 'string' ? e.elaboration : undefined,
    cause: errorBodyOf({ error: e.cause }),
  };
}

export interface SyncOptions {
  signal?: AbortSignal;
  session?: string;
}

/** Sync ZStack calls: every GET, the login APIs, LogOut, ValidateSession, CheckApiPermission. */
export const zstack = {
  get: async <T>(path: string, query?: QueryParams, opts: SyncOptions = {}): Promise<T> =>
    (await request<T>('GET', path, { query, ...opts })).data,
  put: async <T>(path: string, body: unknown, opts: SyncOptions & { auth?: boolean } = {}): Promise<T> =>
    (await request<T>('PUT', path, { body, ...opts })).data,
  del: async <T>(
    path: string,
    query?: QueryParams,
    opts: SyncOptions & { auth?: boolean } = {},
  ): Promise<T> => (await request<T>('DELETE', path, { query, ...opts })).data,
};
