/** The simulator's own test controls under /__sim (contract §6); not part of ZStack. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RestError } from './core/errors.ts';
import type { SimState } from './core/state.ts';
import { LOCALES, parseLocale, type SimLocale } from './i18n/index.ts';
import { readBody } from './http/io.ts';
import { modelControl } from './modelControls.ts';
import { isJsonObject, JavaNumber, JsonSyntaxError, parseJson, type Json } from './http/json.ts';

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function parse(text: string): Json {
  try {
    return parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new RestError(400, e.message);
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
  const body = await readBody(req);
  const route = `${method} ${path}`;
  try {
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
