import { matchApi, type ApiSpec } from '../apiNames';
import type { ApiLogEntry } from '../types';

/**
 * The parameters of a logged call as ZStack's SDKs name them: the path variables, then the members of
 * the body under the API's `parameterName` (POST/PUT), or the query string (GET/DELETE). Query APIs map
 * to the SDK's QueryAction fields (`q` → `conditions`, `sort=+f` → `sortBy`/`sortDirection`, ...), as
 * ZSClient's fillQueryApiRequestBuilder writes them back.
 */
export interface SdkCall {
  spec: ApiSpec;
  /** In the order the SDK call sets them. */
  fields: [string, unknown][];
}

/** A Java `long` in the SDK, to be written `20L`. */
export class JavaLong {
  constructor(readonly value: number) {}
}

/**
 * Types of the query-string parameters of the console's GET and DELETE APIs, from their SDK action
 * classes (GetIAM2VirtualIDInGroupAction, GetIAM2VirtualIDAPIPermissionAction,
 * RemoveIAM2VirtualIDsFromGroupAction, GetCandidateVmNicsForLoadBalancerServerGroupAction,
 * GetMetricDataAction, QueryAction); anything else is a String.
 */
const queryTypes: Record<string, 'list' | 'int' | 'long' | 'bool'> = {
  apisToCheck: 'list',
  virtualIDUuids: 'list',
  labels: 'list',
  valueConditions: 'list',
  functions: 'list',
  limit: 'int',
  start: 'int',
  ipVersion: 'int',
  period: 'int',
  startTime: 'long',
  endTime: 'long',
  offsetAheadOfCurrentTime: 'long',
  count: 'bool',
  replyWithCount: 'bool',
  onlyCheckParams: 'bool',
};

function typed(key: string, values: string[]): unknown {
  const type = queryTypes[key];
  const one = values[values.length - 1] ?? '';
  if (type === 'list') return values;
  if (type === 'int' && /^-?\d+$/.test(one)) return Number(one);
  if (type === 'long' && /^-?\d+$/.test(one)) return new JavaLong(Number(one));
  if (type === 'bool' && (one === 'true' || one === 'false')) return one === 'true';
  return values.length > 1 ? values : one;
}

function grouped(query: string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(query)) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return byKey;
}

function queryActionFields(query: string, uuid: string | undefined): [string, unknown][] {
  const params = grouped(query);
  const conditions = [...(uuid ? [`uuid=${uuid}`] : []), ...(params.get('q') ?? [])];
  const fields: [string, unknown][] = [['conditions', conditions]];
  for (const [key, values] of params) {
    if (key === 'q') continue;
    const last = values[values.length - 1] ?? '';
    if (key === 'sort') {
      const direction = last.startsWith('-') ? 'desc' : last.startsWith('+') ? 'asc' : undefined;
      fields.push(['sortBy', direction ? last.slice(1) : last]);
      if (direction) fields.push(['sortDirection', direction]);
    } else if (key === 'fields') fields.push(['fields', last.split(',')]);
    else fields.push([key, typed(key, values)]);
  }
  return fields;
}

/** The SDK call of an entry, or why there is none. */
export function sdkCallOf(entry: ApiLogEntry): SdkCall | 'unknownApi' | 'bodyNotKept' | 'unreadableBody' {
  const match = matchApi(entry.method, entry.path);
  if (!match) return 'unknownApi';
  const { spec, vars } = match;
  if (spec.query) return { spec, fields: queryActionFields(entry.query, vars.uuid) };

  const fields: [string, unknown][] = Object.entries(vars);
  if (entry.method === 'GET' || entry.method === 'DELETE') {
    for (const [key, values] of grouped(entry.query)) fields.push([key, typed(key, values)]);
    return { spec, fields };
  }
  if (!entry.request) return { spec, fields };
  if (entry.request.truncated) return 'bodyNotKept';
  let body: unknown;
  try {
    body = JSON.parse(entry.request.text);
  } catch {
    return 'unreadableBody';
  }
  if (typeof body !== 'object' || body === null) return 'unreadableBody';
  const { [spec.parameterName]: inner, ...rest } = body as Record<string, unknown>;
  if (inner && typeof inner === 'object') fields.push(...Object.entries(inner as Record<string, unknown>));
  // systemTags and userTags travel beside the parameters; the SDK takes them as fields of the action
  for (const key of ['systemTags', 'userTags'])
    if (Array.isArray(rest[key]) && (rest[key] as unknown[]).length) fields.push([key, rest[key]]);
  return { spec, fields };
}
