/**
 * API parameters the way ZStack's REST layer builds a message: POST/PUT take them from the body under the
 * API's parameter name, GET/DELETE from the query string, and URL variables override both. Type mismatches
 * are the REST layer's (400 from its TypeVerifier for numbers and booleans, 500 when Gson cannot map the JSON);
 * the @APIParam checks (mandatory, non-empty, valid values, ranges, existing resources) run later, in the
 * API's processing, and answer SYS.1007 / SYS.1003.
 */
import { argerr, notFound, RestError } from '../core/errors.ts';
import type { SimState } from '../core/state.ts';
import { isJsonObject, JavaNumber, jsonTypeName, type Json, type JsonObject } from '../http/json.ts';
import { i18n } from '../i18n/index.ts';
import type { ParamDef } from './api.ts';

export type StringMap = Record<string, string | null>;
export type ParamValue = string | number | boolean | (string | null)[] | (StringMap | null)[];

/** The class ZStack's message validator names in its messages (it prints its own class, not the API's). */
const VALIDATOR_CLASS = 'org.zstack.header.message.ApiMessageParamValidator';

export class Params {
  constructor(private readonly values: Map<string, ParamValue>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }
  str(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }
  num(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : undefined;
  }
  bool(name: string): boolean | undefined {
    const v = this.values.get(name);
    return typeof v === 'boolean' ? v : undefined;
  }
  list(name: string): (string | null)[] | undefined {
    const v = this.values.get(name);
    return Array.isArray(v) ? (v as (string | null)[]) : undefined;
  }
  maps(name: string): (StringMap | null)[] | undefined {
    const v = this.values.get(name);
    return Array.isArray(v) ? (v as (StringMap | null)[]) : undefined;
  }
  set(name: string, value: ParamValue): void {
    this.values.set(name, value);
  }
}

function gsonError(expected: string, v: Json, path: string): RestError {
  return new RestError(
    500,
    `com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected ${expected} but was ${jsonTypeName(v)} at path ${path}`,
  );
}

/** Gson reading a JSON value into a Java String (numbers and booleans are accepted as their text). */
function javaStringOf(v: Json, path: string): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof JavaNumber) return v.javaString();
  throw gsonError('a string', v, path);
}

function typeVerify(def: ParamDef, v: Json): void {
  const text =
    v instanceof JavaNumber
      ? v.javaString()
      : typeof v === 'string' || typeof v === 'boolean'
        ? String(v)
        : undefined;
  if (text === undefined) return;
  if (def.type === 'long' || def.type === 'int') {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n) || Math.floor(n) !== n) {
      throw new RestError(400, i18n('[%s] field is excepted an int or long, but was [%s].', def.name, text));
    }
  } else if (def.type === 'boolean' && !/^(true|false)$/i.test(text)) {
    throw new RestError(
      400,
      i18n(
        'Invalid value for boolean field [%s], [%s] is not a valid boolean string[true, false].',
        def.name,
        text,
      ),
    );
  }
}

function fromJson(def: ParamDef, v: Json): ParamValue | undefined {
  const path = `$.${def.name}`;
  if (v === null) return undefined;
  switch (def.type) {
    case 'string':
      return javaStringOf(v, path) ?? undefined;
    case 'long':
    case 'int': {
      if (v instanceof JavaNumber) return Math.trunc(v.value);
      if (typeof v === 'string') return Math.trunc(Number(v.trim()));
      throw gsonError('a long', v, path);
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string') return v.toLowerCase() === 'true';
      throw gsonError('a boolean', v, path);
    case 'stringList':
      if (!Array.isArray(v)) throw gsonError('BEGIN_ARRAY', v, path);
      return v.map((x, i) => javaStringOf(x, `${path}[${i}]`));
    case 'mapList':
      if (!Array.isArray(v)) throw gsonError('BEGIN_ARRAY', v, path);
      return v.map((x, i) => {
        if (x === null) return null;
        if (!isJsonObject(x)) throw gsonError('BEGIN_OBJECT', x, `${path}[${i}]`);
        const m: StringMap = {};
        for (const [k, val] of Object.entries(x)) {
          // RestServer re-serialises the parameters with Gson (JSONObjectUtil.rehashObject), which drops
          // null members of objects: {"uuid": x, "weight": null} arrives as {"uuid": x}.
          if (val === null) continue;
          Object.defineProperty(m, k, {
            value: javaStringOf(val, `${path}[${i}].${k}`),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return m;
      });
  }
}

export function paramsFromBody(
  defs: readonly ParamDef[],
  body: JsonObject | undefined,
  vars: Record<string, string>,
): Params {
  const values = new Map<string, ParamValue>();
  for (const def of defs) {
    const v = body ? body[def.name] : undefined;
    if (v === undefined || v === null) continue;
    typeVerify(def, v);
  }
  for (const def of defs) {
    const v = body ? body[def.name] : undefined;
    if (v === undefined) continue;
    const coerced = fromJson(def, v);
    if (coerced !== undefined) values.set(def.name, coerced);
  }
  for (const [k, v] of Object.entries(vars)) values.set(k, v);
  return new Params(values);
}

export function paramsFromQuery(
  defs: readonly ParamDef[],
  search: URLSearchParams,
  vars: Record<string, string>,
): Params {
  const grouped = new Map<string, string[]>();
  const indexed = new Map<string, { i: number; v: string }[]>();
  for (const [k, v] of search) {
    const m = /^([^.]+)\.(\d+)$/.exec(k);
    if (m?.[1]) {
      const list = indexed.get(m[1]) ?? [];
      list.push({ i: Number(m[2]), v });
      indexed.set(m[1], list);
      continue;
    }
    const values = grouped.get(k);
    if (values) values.push(v);
    else grouped.set(k, [v]);
  }
  for (const [k, list] of indexed)
    grouped.set(
      k,
      list.sort((a, b) => a.i - b.i).map((x) => x.v),
    );

  const values = new Map<string, ParamValue>();
  for (const def of defs) {
    const vals = grouped.get(def.name);
    if (!vals) continue;
    if (def.type === 'stringList' || def.type === 'mapList') {
      values.set(def.name, vals);
      continue;
    }
    if (vals.length > 1) {
      throw new RestError(
        400,
        `Invalid query parameter[${def.name}], only one value is allowed for the parameter but multiple values found`,
      );
    }
    const v = vals[0] ?? '';
    if (def.type === 'long' || def.type === 'int') {
      if (!/^[+-]?\d+$/.test(v)) throw new RestError(500, `For input string: "${v}"`);
      values.set(def.name, Number(v));
    } else if (def.type === 'boolean') {
      values.set(def.name, v.toLowerCase() === 'true');
    } else values.set(def.name, v);
  }
  for (const [k, v] of Object.entries(vars)) values.set(k, v);
  return new Params(values);
}

/** The @APIParam checks, field by field in declaration order (strings are trimmed first, as ZStack does). */
export function checkAnnotations(state: SimState, defs: readonly ParamDef[], params: Params): void {
  for (const def of defs) {
    let value: ParamValue | undefined;
    if (def.type === 'string') {
      const s = params.str(def.name);
      if (s !== undefined) {
        value = s.trim();
        params.set(def.name, value);
      }
    } else if (params.has(def.name)) {
      value =
        def.type === 'long' || def.type === 'int'
          ? params.num(def.name)
          : def.type === 'boolean'
            ? params.bool(def.name)
            : params.list(def.name);
    }
    if (value === undefined) {
      if (def.required)
        throw argerr('field[%s] of message[%s] is mandatory, can not be null', def.name, VALIDATOR_CLASS);
      continue;
    }
    if (def.validValues) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && !def.validValues.includes(String(item))) {
          throw argerr(
            'valid value for field[%s] of message[%s] are %s, but %s found',
            def.name,
            VALIDATOR_CLASS,
            def.validValues,
            item,
          );
        }
      }
    }
    if (Array.isArray(value)) {
      if (def.nonempty && value.length === 0) throw argerr('field[%s] must be a nonempty list', def.name);
      if (value.some((x) => x === null)) throw argerr('field[%s] cannot contain a NULL element', def.name);
    }
    if (def.numberRange && typeof value === 'number') {
      const [lo, hi] = def.numberRange;
      if (value < lo || value > hi) throw argerr('field[%s] must be in range of [%s, %s]', def.name, lo, hi);
    }
    if (def.resource) {
      const res = def.resource;
      if (Array.isArray(value)) {
        const missing = (value as (string | null)[]).filter(
          (u): u is string => u !== null && !res.exists(state, u),
        );
        if (missing.length)
          throw notFound(
            'invalid field[%s], resource[uuids:%s, type:%s] not found',
            def.name,
            missing,
            res.vo,
          );
      } else if (typeof value === 'string' && !res.exists(state, value)) {
        throw notFound('invalid field[%s], resource[uuid:%s, type:%s] not found', def.name, value, res.vo);
      }
    }
  }
}
