/**
 * One ZStack REST request, end to end: request log, faults, routing and the REST layer's own checks
 * (plain-text 4xx/5xx), then a sync answer (200/503) or a job (202 + location; the job answers later).
 */
import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiError, RestError } from '../core/errors.ts';
import type { Fault, FaultKind } from '../core/faults.ts';
import { logBody, maskQuery, type RequestRecord } from '../core/requestLog.ts';
import type { SimState } from '../core/state.ts';
import { drop, readBody, send, sleep } from '../http/io.ts';
import {
  isJsonObject,
  JsonSyntaxError,
  jsonTypeName,
  parseJson,
  toWireJson,
  type Json,
  type JsonObject,
} from '../http/json.ts';
import type { SimLocale } from '../i18n/index.ts';
import { randomUuid } from '../util/uuid.ts';
import { parseQuerySpec, paramMap, type QuerySpec } from '../query/parse.ts';
import type { ActionApiDef } from './api.ts';
import { executeAction, executeQuery, outcomeOf, withSchema } from './execute.ts';
import { requestHeadBytes, TOMCAT_HEADER_TOO_LARGE_PAGE, TOMCAT_MAX_HTTP_HEADER_SIZE } from './limits.ts';
import { paramsFromBody, paramsFromQuery } from './params.ts';
import type { Router } from './router.ts';

/** ZStack's default per-API timeout global config ("30m" for APIs without @DefaultTimeout), reported in every 202. */
const API_TIMEOUT_MS = 30 * 60 * 1000;
const PREFIX = '/zstack/v1';

interface WireResponse {
  status: number;
  text: string;
}

const json = (status: number, body: unknown): WireResponse => ({ status, text: toWireJson(body) });
const plain = (status: number, text: string): WireResponse => ({ status, text });

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A body that no JSON parser accepts. */
function corrupt(text: string): string {
  return `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}\u0000<<not json`;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBody(text: string): JsonObject | undefined {
  let parsed: Json;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new RestError(500, e.message);
    throw e;
  }
  if (parsed === null) return undefined;
  if (!isJsonObject(parsed)) {
    throw new RestError(
      500,
      `com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected BEGIN_OBJECT but was ${jsonTypeName(parsed)} at line 1 column 2 path $`,
    );
  }
  return parsed;
}

function sessionFromAuthorization(headers: IncomingHttpHeaders): string {
  const auth = header(headers, 'authorization');
  if (auth === undefined) throw new RestError(400, "missing header 'Authorization'");
  const trimmed = auth.trim();
  if (!trimmed.startsWith('OAuth')) throw new RestError(400, "Authorization type must be 'OAuth'");
  return trimmed.replace('OAuth', '').trim();
}

export class ZStackPipeline {
  constructor(
    private readonly state: SimState,
    private readonly router: Router,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (requestHeadBytes(req) > TOMCAT_MAX_HTTP_HEADER_SIZE) {
      this.refuseHead(req, res);
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const bodyText = await readBody(req, res);
    if (bodyText === undefined) return; // too large: answered 413
    const url = new URL(rawUrl, 'http://simulator.invalid');
    const targets = [rawUrl, safeDecode(rawUrl)];
    const { faults, log } = this.state;
    const record = log.add({
      method,
      path: url.pathname,
      query: maskQuery(url.searchParams),
      body: logBody(bodyText),
      jobUuid: null,
      status: null,
    });
    const first = (kinds: FaultKind[], pick: (f: Fault) => boolean = () => true): Fault | undefined =>
      faults.matching(method, targets, kinds).find(pick);

    const dropBefore = first(['drop'], (f) => f.phase !== 'after');
    if (dropBefore) {
      faults.consume(dropBefore);
      record.dropped = true;
      drop(req, res);
      return;
    }
    for (const f of faults.matching(method, targets, ['latency'])) {
      faults.consume(f);
      await sleep(f.ms ?? 0);
    }
    const httpError = first(['http-error']);
    if (httpError) {
      faults.consume(httpError);
      const status = httpError.status ?? 500;
      const text = httpError.error
        ? toWireJson({ error: httpError.error })
        : (httpError.body ?? STATUS_CODES[status] ?? 'error');
      record.status = status;
      send(res, status, text);
      return;
    }

    const response = this.process(method, url, bodyText, req.headers, targets, record);

    const malformed = first(['malformed']);
    if (malformed) {
      faults.consume(malformed);
      response.text = corrupt(response.text);
    }
    const dropAfter = first(['drop'], (f) => f.phase === 'after');
    if (dropAfter) {
      faults.consume(dropAfter);
      record.dropped = true;
      drop(req, res);
      return;
    }
    record.status = response.status;
    send(res, response.status, response.text);
  }

  private process(
    method: string,
    url: URL,
    bodyText: string,
    headers: IncomingHttpHeaders,
    targets: string[],
    record: RequestRecord,
  ): WireResponse {
    try {
      const fullPath = url.pathname.split('/').map(safeDecode).join('/');
      if (fullPath !== PREFIX && !fullPath.startsWith(`${PREFIX}/`)) {
        throw new RestError(404, `no api mapping to ${fullPath.replace(/^\/zstack/, '') || '/'}`);
      }
      const apiPath = fullPath.slice(PREFIX.length);
      const jobMatch = /^\/api-jobs\/([^/]+)$/.exec(apiPath);
      if (jobMatch?.[1]) return this.poll(method, jobMatch[1], record, headers);

      const { def, vars } = this.router.match(method, apiPath, fullPath);
      const body = parseBody(bodyText);
      const sessionUuid = def.needSession ? sessionFromAuthorization(headers) : undefined;

      if (def.mode === 'query') {
        const spec: QuerySpec = vars.uuid
          ? {
              conditions: [{ name: 'uuid', op: '=', value: vars.uuid }],
              limit: 1000,
              start: 0,
              count: false,
              replyWithCount: false,
              sortDirection: 'asc',
            }
          : parseQuerySpec(paramMap(url.searchParams));
        return json(200, executeQuery(this.state, def, spec, sessionUuid));
      }

      const params =
        method === 'GET' || method === 'DELETE'
          ? paramsFromQuery(def.params, url.searchParams, vars)
          : paramsFromBody(def.params, this.paramObject(def, body), vars);

      const jobHeader = header(headers, 'x-job-uuid');
      if (jobHeader !== undefined) {
        if (jobHeader.length !== 32)
          throw new RestError(400, "Invalid header[X-Job-UUID], it must be a UUID with '-' stripped");
        if (method !== 'GET' && this.state.jobs.has(jobHeader))
          throw new RestError(400, `Duplicate job uuid[${jobHeader}]`);
      }

      if (def.mode === 'sync') {
        const outcome = outcomeOf(() => executeAction(this.state, def, params, sessionUuid), this.locale);
        return json(outcome.status, withSchema(def.name, outcome, headers));
      }

      const jobUuid = jobHeader ?? randomUuid();
      record.jobUuid = jobUuid;
      const jobFault = this.state.faults.matching(method, targets, ['job-error', 'job-hang'])[0];
      if (jobFault) this.state.faults.consume(jobFault);
      this.state.jobs.submit(jobUuid, {
        durationMs: this.state.config.jobDurationMs,
        serialKey: def.serialKey?.(this.state, params),
        run: () => outcomeOf(() => executeAction(this.state, def, params, sessionUuid), this.locale),
        forcedError: jobFault?.kind === 'job-error' ? jobFault.error : undefined,
        hang: jobFault?.kind === 'job-hang',
      });
      // RestServer builds it from RESTFacadeImpl.getBaseUrl(): the node's own address, whatever the Host header.
      return json(202, {
        location: `${this.state.nodeUrl}${PREFIX}/api-jobs/${jobUuid}`,
        apiTimeout: API_TIMEOUT_MS,
      });
    } catch (e) {
      if (e instanceof RestError) return plain(e.status, e.textIn(this.locale));
      if (e instanceof ApiError) return json(503, { error: e.bodyIn(this.locale) });
      return plain(500, e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Tomcat refuses the request while reading its head: ZStack never sees it and the body is not read. The
   * request log (a simulator control) still records it, so that tests see what the client sent.
   */
  private refuseHead(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    this.state.log.add({
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: maskQuery(url.searchParams),
      body: null,
      jobUuid: null,
      status: 400,
    });
    res.setHeader('Content-Type', 'text/html;charset=utf-8');
    res.setHeader('Content-Language', 'en');
    res.setHeader('Connection', 'close');
    send(res, 400, TOMCAT_HEADER_TOO_LARGE_PAGE);
  }

  private get locale(): SimLocale {
    return this.state.config.locale;
  }

  private paramObject(def: ActionApiDef, body: JsonObject | undefined): JsonObject | undefined {
    if (!body || !def.paramName) return undefined;
    const p = body[def.paramName];
    if (p === undefined || p === null) return undefined;
    if (!isJsonObject(p)) {
      throw new RestError(
        500,
        `com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected BEGIN_OBJECT but was ${jsonTypeName(p)} at path $`,
      );
    }
    return p;
  }

  private poll(
    method: string,
    jobUuid: string,
    record: RequestRecord,
    headers: IncomingHttpHeaders,
  ): WireResponse {
    record.jobUuid = jobUuid;
    if (method !== 'GET') return plain(405, 'only GET method is allowed for querying job status');
    const job = this.state.jobs.get(jobUuid);
    if (!job) return plain(404, 'the job has been expired');
    if (!job.outcome) return json(202, {});
    return json(job.outcome.status, withSchema(undefined, job.outcome, headers));
  }
}
