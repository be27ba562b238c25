/**
 * The API processing after the REST layer accepted the request, in ZStack's order: @APIParam checks
 * (SYS.1007/SYS.1003), the session (ID.1001; every authenticated call slides its expiry), admin-only
 * (ID.1002) and policies (SYS.1006), then the API itself (ownership and its own validation, then the change).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, sessionErr } from '../core/errors.ts';
import type { JobOutcome } from '../core/jobs.ts';
import { identityOf, policyError, viewerOf, type Identity } from '../core/rbac.ts';
import type { Session } from '../core/sessions.ts';
import type { SimState } from '../core/state.ts';
import type { SimLocale } from '../i18n/index.ts';
import { API } from '../model/constants.ts';
import type { KindDef } from '../model/describe.ts';
import { schemaOf } from '../model/schema.ts';
import { runQuery } from '../query/engine.ts';
import type { QuerySpec } from '../query/parse.ts';
import type { ActionApiDef, QueryApiDef } from './api.ts';
import { checkAnnotations, type Params } from './params.ts';

function authenticate(
  state: SimState,
  apiName: string,
  sessionUuid: string | undefined,
): { session: Session; identity: Identity } {
  const session = state.sessions.get(sessionUuid);
  if (!session) throw sessionErr('Session expired');
  state.sessions.touch(session);
  const identity = identityOf(state.world, session);
  const refusal = policyError(identity, apiName);
  if (refusal) throw refusal;
  return { session, identity };
}

export function executeAction(
  state: SimState,
  def: ActionApiDef,
  params: Params,
  sessionUuid: string | undefined,
): unknown {
  checkAnnotations(state, def.params, params);
  if (!def.needSession) return def.run({ state, params });
  const { session, identity } = authenticate(state, def.name, sessionUuid);
  return def.run({ state, params, session, identity });
}

/** A query answers its `schema` always (RestServer.writeResponse), `count=true` included (then empty). */
export function executeQuery(
  state: SimState,
  def: QueryApiDef,
  spec: QuerySpec,
  sessionUuid: string | undefined,
): unknown {
  const { identity } = authenticate(state, def.name, sessionUuid);
  const result = runQuery(state.world, def.kind, viewerOf(identity), spec);
  return { ...result, schema: schemaOf({ ...result }, def.kind as unknown as KindDef<never>) };
}

/** GET APIs whose reply is an APIQueryReply (inferred for closed-source IAM2: its SDK result has `total`). */
const QUERY_REPLIES = new Set<string>([API.vidsInGroup]);

/**
 * The body of a successful reply or job result with its `schema`: set when the request (for a job, the
 * poll) carries the X-JSON-Schema header, whatever its value, and always for query replies.
 */
export function withSchema(
  apiName: string | undefined,
  outcome: JobOutcome,
  headers: IncomingHttpHeaders,
): unknown {
  const body = outcome.body as Record<string, unknown>;
  const asked = headers['x-json-schema'] !== undefined;
  if (outcome.status !== 200 || (!asked && !(apiName && QUERY_REPLIES.has(apiName)))) return body;
  return { ...body, schema: schemaOf(body) };
}

export function outcomeOf(fn: () => unknown, locale: SimLocale): JobOutcome {
  try {
    return { status: 200, body: fn() ?? {} };
  } catch (e) {
    if (e instanceof ApiError) return { status: 503, body: { error: e.bodyIn(locale) } };
    throw e;
  }
}
