/** The simulator's own test controls under /__sim; not part of ZStack. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { RestError } from './core/errors.ts';
import type { SimState } from './core/state.ts';
import { LOCALES, parseLocale, type SimLocale } from './i18n/index.ts';
import { readBody } from './http/io.ts';
import { modelControl } from './modelControls.ts';
import { isJsonObject, JavaNumber, JsonSyntaxError, parseJsonValue, type Json } from './http/json.ts';

/**
 * Every POST to a control carries this header and a JSON body sent as application/json: an HTML form
 * can send neither, and a script of another origin cannot send them without a CORS preflight, which
 * nothing here answers. GET and DELETE change nothing a page could exploit or cannot be sent
 * cross-origin without that preflight either.
 */
export const CONTROL_HEADER = 'X-Sim-Control';

/** Host names (besides IP literals and localhost) the controls answer for: a DNS name can be rebound. */
const allowedHosts = new Set(
  (process.env.CONSOLE_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
);

function hostName(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** Why a control call is refused, or undefined: cross-origin, a foreign Host, or a POST a form could forge. */
function refusal(req: IncomingMessage, method: string): string | undefined {
  const host = first(req.headers.host) ?? '';
  const name = hostName(host);
  if (!(isIP(name) || name === 'localhost' || name.endsWith('.localhost') || allowedHosts.has(name)))
    return `the simulator's controls do not answer for host ${host}`;
  const origin = first(req.headers.origin);
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host.toLowerCase()) return `cross-origin control call from ${origin} refused`;
  }
  const site = first(req.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `cross-site control call refused (Sec-Fetch-Site: ${site})`;
  if (method !== 'POST') return undefined;
  if (first(req.headers[CONTROL_HEADER.toLowerCase()]) === undefined)
    return `a control call must carry the header ${CONTROL_HEADER}`;
  if (!/^application\/json\s*(;|$)/i.test(first(req.headers['content-type']) ?? ''))
    return 'a control call sends a JSON body with Content-Type: application/json';
  return undefined;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function parse(text: string): Json {
  try {
    return parseJsonValue(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new RestError(400, e.message || 'the JSON body is nested too deeply');
    throw e;
  }
}

function positive(v: Json | undefined, name: string, min: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (!(v instanceof JavaNumber) || !Number.isFinite(v.value) || v.value < min)
    throw new RestError(400, `"${name}" must be a number >= ${min}`);
  return v.value;
}

/** The node's locale, switched at run time for tests (a real node reads it once at start). */
function localeOf(v: Json | undefined): SimLocale | undefined {
  if (v === undefined || v === null) return undefined;
  const locale = typeof v === 'string' ? parseLocale(v) : undefined;
  if (!locale) throw new RestError(400, `"locale" must be one of ${LOCALES.join(', ')}`);
  return locale;
}

export async function handleControl(
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname.replace(/\/+$/, '');
  const body = await readBody(req, res);
  if (body === undefined) return; // too large: answered 413
  const route = `${method} ${path}`;
  try {
    const refused = refusal(req, method);
    if (refused) throw new RestError(403, refused);
    if (method === 'POST' && !isJsonObject(parse(body)))
      throw new RestError(400, 'a control call sends a JSON object (at least {})');
    switch (route) {
      case 'POST /__sim/reset':
        state.reset();
        return reply(res, 200, { reset: true, config: state.config });
      case 'POST /__sim/faults':
        return reply(res, 200, state.faults.add(parse(body)));
      case 'GET /__sim/faults':
        return reply(res, 200, state.faults.list());
      case 'DELETE /__sim/faults':
        state.faults.clear();
        return reply(res, 200, { cleared: true });
      case 'POST /__sim/sessions/expire':
        return reply(res, 200, { expired: state.sessions.expireAll() });
      case 'GET /__sim/config':
        return reply(res, 200, state.config);
      case 'POST /__sim/config': {
        const spec = parse(body);
        if (!isJsonObject(spec)) throw new RestError(400, 'config is a JSON object');
        const jobDurationMs = positive(spec.jobDurationMs, 'jobDurationMs', 0);
        const sessionTimeoutSec = positive(spec.sessionTimeoutSec, 'sessionTimeoutSec', 1);
        const locale = localeOf(spec.locale);
        if (jobDurationMs !== undefined) state.config.jobDurationMs = jobDurationMs;
        if (sessionTimeoutSec !== undefined) state.config.sessionTimeoutSec = sessionTimeoutSec;
        if (locale !== undefined) state.config.locale = locale;
        return reply(res, 200, state.config);
      }
      case 'GET /__sim/requests':
        return reply(res, 200, state.log.list());
      case 'DELETE /__sim/requests':
        state.log.clear();
        return reply(res, 200, { cleared: true });
      case 'GET /__sim/info': {
        const w = state.world;
        return reply(res, 200, {
          scale: state.scale,
          config: state.config,
          sessions: state.sessions.size,
          counts: {
            vms: w.vms.size,
            nics: w.nics.size,
            virtualIds: w.virtualIds.size,
            serverGroups: w.serverGroups.size,
            loadBalancers: w.loadBalancers.size,
          },
        });
      }
      default: {
        const model = modelControl(state, method, path, body);
        if (model) return reply(res, model.status, model.body);
        const known = [
          '/__sim/reset',
          '/__sim/faults',
          '/__sim/sessions/expire',
          '/__sim/config',
          '/__sim/requests',
          '/__sim/info',
        ];
        if (known.includes(path)) throw new RestError(405, `method ${method} is not allowed on ${path}`);
        throw new RestError(404, `no simulator control at ${path}`);
      }
    }
  } catch (e) {
    if (e instanceof RestError) return reply(res, e.status, { error: e.text });
    throw e;
  }
}
