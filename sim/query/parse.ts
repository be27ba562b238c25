/**
 * The REST layer's reading of a query API's query string (ZStack RestServer.handleQueryApi): limit/start must
 * be integers, each q= needs an operator (searched in this priority order, first one contained wins), and
 * anything wrong here is a plain-text 400 before the session is even looked at.
 */
import { RestError } from '../core/errors.ts';
import { javaParseInt } from '../util/java.ts';

export type QueryOp =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'like' | 'not like' | 'is null' | 'is not null';

export interface Condition {
  name: string;
  op: QueryOp;
  value?: string;
}

export interface QuerySpec {
  conditions: Condition[];
  limit: number;
  start: number;
  count: boolean;
  replyWithCount: boolean;
  sortBy?: string;
  sortDirection: 'asc' | 'desc';
  fields?: string[];
}

const OPS: [string, QueryOp][] = [
  ['!=', '!='],
  ['>=', '>='],
  ['<=', '<='],
  ['!?=', 'not in'],
  ['!~=', 'not like'],
  ['~=', 'like'],
  ['?=', 'in'],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
  ['is null', 'is null'],
  ['not null', 'is not null'],
];

const OP_LIST = `[[${OPS.map(([s]) => s).join(', ')}]]`;

/** Apache StringUtils.splitByWholeSeparator(s, sep, 2): empty pieces are dropped. */
function splitOnce(s: string, sep: string): string[] {
  const i = s.indexOf(sep);
  if (i < 0) return s ? [s] : [];
  return [s.slice(0, i), s.slice(i + sep.length)].filter((p) => p.length > 0);
}

export function parseCondition(cond: string): Condition {
  const found = OPS.find(([symbol]) => cond.includes(symbol));
  if (!found) {
    throw new RestError(
      400,
      `Invalid query parameter. The '${cond}' in the parameter[q] doesn't contain any query operator. Valid query operators are ${OP_LIST}`,
    );
  }
  const [symbol, op] = found;
  const parts = splitOnce(cond, symbol);
  if (op === 'is null' || op === 'is not null') return { name: (parts[0] ?? '').trim(), op };
  if (parts.length !== 2) {
    throw new RestError(
      400,
      `Invalid query parameter. The '${cond}' in parameter[q] is not a key-value pair split by ${op}`,
    );
  }
  return { name: (parts[0] ?? '').trim(), op, value: parts[1] };
}

/** Groups repeated parameters, keeping the order in which names first appear. */
export function paramMap(search: URLSearchParams): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of search) {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  }
  return m;
}

export function parseQuerySpec(params: Map<string, string[]>): QuerySpec {
  const spec: QuerySpec = {
    conditions: [],
    limit: 1000,
    start: 0,
    count: false,
    replyWithCount: false,
    sortDirection: 'asc',
  };
  for (const [rawName, values] of params) {
    const name = rawName.trim();
    const value = (values[0] ?? '').trim();
    if (name === 'limit') {
      const n = javaParseInt(value);
      if (n === undefined) throw new RestError(400, "Invalid query parameter. 'limit' must be an integer");
      spec.limit = n;
    } else if (name === 'start') {
      const n = javaParseInt(value);
      if (n === undefined) throw new RestError(400, "Invalid query parameter. 'start' must be an integer");
      spec.start = n;
    } else if (name === 'count') {
      spec.count = value.toLowerCase() === 'true';
    } else if (name === 'replyWithCount') {
      spec.replyWithCount = value.toLowerCase() === 'true';
    } else if (name === 'sort') {
      if (value.startsWith('-')) {
        spec.sortDirection = 'desc';
        spec.sortBy = value.replace(/^-+/, '');
      } else {
        spec.sortDirection = 'asc';
        spec.sortBy = value.replace(/^\++/, '');
      }
    } else if ('q'.startsWith(name)) {
      for (const cond of values) spec.conditions.push(parseCondition(cond));
    } else if (name === 'fields') {
      spec.fields = value.split(',').map((f) => f.trim());
    }
  }
  return spec;
}
