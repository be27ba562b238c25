import type { Identity } from '../core/rbac.ts';
import type { Session } from '../core/sessions.ts';
import type { SimState } from '../core/state.ts';
import type { RootKindDef } from '../query/kinds.ts';
import type { Params } from './params.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type ParamType = 'string' | 'long' | 'int' | 'boolean' | 'stringList' | 'mapList';

export interface ParamDef {
  name: string;
  type: ParamType;
  required?: boolean;
  nonempty?: boolean;
  validValues?: string[];
  numberRange?: [number, number];
  /** @APIParam(resourceType=...): a uuid (or list of uuids) that must name an existing resource (SYS.1003). */
  resource?: { vo: string; exists(state: SimState, uuid: string): boolean };
}

export interface ApiCall {
  state: SimState;
  params: Params;
  /** Set for APIs that need a session. */
  identity?: Identity;
  session?: Session;
}

interface ApiBase {
  /** The ZStack API class name, e.g. org.zstack.network.service.lb.APIAddBackendServerToServerGroupMsg. */
  name: string;
  method: HttpMethod;
  /** Path under /zstack/v1, with {vars}. */
  path: string;
  needSession: boolean;
}

export interface QueryApiDef extends ApiBase {
  mode: 'query';
  kind: RootKindDef<{ uuid: string }>;
}

export interface ActionApiDef extends ApiBase {
  mode: 'sync' | 'async';
  /** Body key of POST/PUT parameters ("params" or the action name). */
  paramName?: string;
  params: ParamDef[];
  /** Jobs with the same key are applied one at a time (per load balancer, per group). */
  serialKey?(state: SimState, params: Params): string | undefined;
  run(call: ApiCall): unknown;
}

export type ApiDef = QueryApiDef | ActionApiDef;
