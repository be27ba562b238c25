/**
 * The API processing after the REST layer accepted the request, in ZStack's order: @APIParam checks
 * (SYS.1007/SYS.1003), the session (ID.1001; every authenticated call slides its expiry), admin-only
 * (ID.1002) and policies (SYS.1006), then the API itself (ownership and its own validation, then the change).
 */
import { ApiError, sessionErr } from '../core/errors.ts';
import type { JobOutcome } from '../core/jobs.ts';
import { identityOf, policyError, viewerOf, type Identity } from '../core/rbac.ts';
import type { Session } from '../core/sessions.ts';
import type { SimState } from '../core/state.ts';
import type { SimLocale } from '../i18n/index.ts';
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

export function executeQuery(
  state: SimState,
  def: QueryApiDef,
  spec: QuerySpec,
  sessionUuid: string | undefined,
): unknown {
  const { identity } = authenticate(state, def.name, sessionUuid);
  const result = runQuery(state.world, def.kind, viewerOf(identity), spec);
  return spec.count ? result : { ...result, schema: {} };
}

export function outcomeOf(fn: () => unknown, locale: SimLocale): JobOutcome {
  try {
    return { status: 200, body: fn() ?? {} };
  } catch (e) {
    if (e instanceof ApiError) return { status: 503, body: { error: e.bodyIn(locale) } };
    throw e;
  }
}
