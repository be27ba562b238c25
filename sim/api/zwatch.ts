/**
 * GetMetricData (`GET /zwatch/metrics`, the SDK's zwatch/api/GetMetricDataAction) for the load balancer
 * namespace, served when SIM_ZWATCH=1. ZWatch is closed source: the request and result shapes are the SDK's,
 * the rest is inferred (sim/README.md "ZWatch").
 */
import { argerr } from '../core/errors.ts';
import { viewerOf } from '../core/rbac.ts';
import { API } from '../model/constants.ts';
import { datapointKind, type Datapoint } from '../model/kinds/zwatch.ts';
import {
  backends,
  isUp,
  LB_NAMESPACE,
  SESSIONS_METRIC,
  sessionsAt,
  STATUS_METRIC,
  type Backend,
} from '../model/zwatch.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';

const DEFAULT_PERIOD_S = 60;
/** Prometheus (ZWatch's store) answers at most 11000 points per series. */
const MAX_POINTS = 11000;

interface LabelFilter {
  key: string;
  test(value: string | undefined): boolean;
}

/**
 * A `=~` pattern as alternatives (`a|b|c`) matched whole, where `.` is any character and `.*` any run; other
 * regex syntax is matched literally. Linear in the value (no backtracking on user input).
 */
function alternatives(pattern: string): (value: string) => boolean {
  const alts = pattern.split('|').map((alt) => alt.replace(/\\(.)/g, '$1'));
  const literal = new Set(alts.filter((a) => !a.includes('.')));
  const wild = alts.filter((a) => a.includes('.'));
  const matchAlt = (alt: string, v: string): boolean => {
    const parts = alt.split('.*');
    const fits = (part: string, at: number) => {
      if (at + part.length > v.length) return false;
      for (let i = 0; i < part.length; i++) if (part[i] !== '.' && part[i] !== v[at + i]) return false;
      return true;
    };
    const first = parts[0] ?? '';
    if (parts.length === 1) return first.length === v.length && fits(first, 0);
    if (!fits(first, 0)) return false;
    let pos = first.length;
    for (let p = 1; p < parts.length - 1; p++) {
      const part = parts[p] ?? '';
      let found = -1;
      for (let at = pos; at + part.length <= v.length; at++)
        if (fits(part, at)) {
          found = at;
          break;
        }
      if (found < 0) return false;
      pos = found + part.length;
    }
    const last = parts[parts.length - 1] ?? '';
    return v.length - last.length >= pos && fits(last, v.length - last.length);
  };
  return (v) => literal.has(v) || wild.some((a) => matchAlt(a, v));
}

/** ZWatch label filters: `Key=Value`, `Key!=Value`, `Key=~a|b` and `Key!~a|b`. */
function labelFilter(text: string): LabelFilter {
  const m = /^([^=!~]+)(=~|!~|!=|=)(.*)$/s.exec(text);
  if (!m)
    throw argerr(
      'invalid label[%s], a label must be in the format of key=value, key!=value, key=~regex or key!~regex',
      text,
    );
  const [, key = '', op, value = ''] = m;
  const re = op === '=~' || op === '!~' ? alternatives(value) : undefined;
  const match = (v: string | undefined) => (re ? v !== undefined && re(v) : v === value);
  return { key: key.trim(), test: op === '=' || op === '=~' ? match : (v) => !match(v) };
}

function labelsOf(b: Backend): Record<string, string> {
  return { LoadBalancerUuid: b.lb.uuid, ListenerUuid: b.listener.uuid, NicIpAddress: b.ip };
}

function getMetricData(call: ApiCall): unknown {
  const { params } = call;
  const w = call.state.world;
  const namespace = params.str('namespace');
  const metric = params.str('metricName');
  const filters = (params.list('labels') ?? []).filter((l): l is string => l !== null).map(labelFilter);
  const period = params.num('period') ?? DEFAULT_PERIOD_S;
  if (period <= 0) throw argerr('period must be a positive number of seconds, but %s found', period);
  const nowMs = Date.now();
  const now = Math.floor(nowMs / 1000);
  const end = params.num('endTime') ?? now;
  const offset = params.num('offsetAheadOfCurrentTime');
  const from = params.num('startTime') ?? (offset !== undefined ? now - offset : undefined);
  // Without a range: the latest value of each series, at `end`. With one: a point every `period` seconds.
  const first = from === undefined ? end : Math.ceil(from / period) * period;
  const points = end < first ? 0 : from === undefined ? 1 : Math.floor((end - first) / period) + 1;
  if (points > MAX_POINTS)
    throw argerr(
      'exceeded maximum resolution of %s points per timeseries. Try decreasing the query resolution (?step=XX)',
      MAX_POINTS,
    );
  if (namespace !== LB_NAMESPACE || (metric !== STATUS_METRIC && metric !== SESSIONS_METRIC))
    return { data: [] };

  if (!call.identity) throw new Error('GetMetricData needs a session');
  const viewer = viewerOf(call.identity);
  const lbFilter = filters.find((f) => f.key === 'LoadBalancerUuid');
  const lbs = w.loadBalancers.list.filter(
    (lb) => (viewer.all || viewer.accounts.has(lb.owner)) && (!lbFilter || lbFilter.test(lb.uuid)),
  );
  const data: Datapoint[] = [];
  for (const b of backends(w, lbs)) {
    const labels = labelsOf(b);
    if (!filters.every((f) => f.test(labels[f.key]))) continue;
    for (let i = 0; i < points; i++) {
      const time = first + i * period;
      const at = time === now ? nowMs : time * 1000;
      const value = metric === STATUS_METRIC ? (isUp(w, b) ? 1 : 0) : sessionsAt(w, b, at);
      data.push({ value, time, labels });
    }
  }
  return { data: data.map((d) => datapointKind.wire(d, w)) };
}

export const ZWATCH_APIS: ActionApiDef[] = [
  {
    name: API.getMetricData,
    method: 'GET',
    path: '/zwatch/metrics',
    mode: 'sync',
    needSession: true,
    params: [
      { name: 'namespace', type: 'string', required: true },
      { name: 'metricName', type: 'string', required: true },
      { name: 'startTime', type: 'long', numberRange: [0, Number.MAX_SAFE_INTEGER] },
      { name: 'endTime', type: 'long', numberRange: [0, Number.MAX_SAFE_INTEGER] },
      { name: 'offsetAheadOfCurrentTime', type: 'long', numberRange: [0, Number.MAX_SAFE_INTEGER] },
      { name: 'period', type: 'int', numberRange: [0, 2147483647] },
      { name: 'labels', type: 'stringList' },
      { name: 'valueConditions', type: 'stringList' },
      { name: 'functions', type: 'stringList' },
    ],
    run: getMetricData,
  },
];
