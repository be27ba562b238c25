/**
 * JSON as ZStack's REST layer sees it. Request bodies are parsed by Gson into maps, and a number keeps its
 * literal text (Gson's LONG_OR_DOUBLE policy turns "20" into a Long and "20.0" or "1e3" into a Double,
 * which later become the strings "20", "20.0" and "1000.0" in a Map<String,String> parameter), so numbers
 * are kept as JavaNumber here. Responses omit null fields, like ZStack's Gson.
 */

import { javaDouble } from '../util/java.ts';
import { GsonFailure, GsonReader, type Token } from './gsonReader.ts';

export class JavaNumber {
  constructor(readonly raw: string) {}
  get value(): number {
    return Number(this.raw);
  }
  /** True for a literal without fraction or exponent that fits a Java long (Gson makes it a Long). */
  get isLong(): boolean {
    // 19 digits and a sign at most: never hand BigInt a long run of digits
    if (this.raw.length > 20 || !/^-?\d+$/.test(this.raw)) return false;
    const v = BigInt(this.raw);
    return v >= -(2n ** 63n) && v <= 2n ** 63n - 1n;
  }
  /** The value as Java's String.valueOf would print the Long or Double Gson made of it. */
  javaString(): string {
    if (this.isLong) return BigInt(this.raw).toString();
    return javaDouble(this.value);
  }
  toJSON(): number {
    return this.value;
  }
}

export type Json = null | boolean | string | JavaNumber | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export class JsonSyntaxError extends Error {}

export function isJsonObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JavaNumber);
}

function setOwn(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * How deep Gson 2.8.9 can nest before the JVM's stack overflows: its ObjectTypeAdapter.read recurses
 * once per level, and Gson.fromJson does not catch the StackOverflowError. Run against that Gson on
 * OpenJDK 17 (default 1 MB thread stack), maps overflow at about 3900 levels and lists between 3100
 * and 4700 (it varies with the JIT); a node's request thread has less stack left. The exact depth is
 * not knowable, so the simulator picks one.
 */
export const MAX_NESTING = 3500;

/** What the exceptions Gson throws look like once RestServer sends `e.getMessage()` as the body. */
function wireText(e: GsonFailure): string {
  switch (e.kind) {
    case 'malformed':
      return `com.google.gson.stream.MalformedJsonException: ${e.message}`;
    case 'eof':
      return `java.io.EOFException: ${e.message}`;
    case 'state':
      return e.message ? `java.lang.IllegalStateException: ${e.message}` : 'java.lang.IllegalStateException';
    case 'number':
      // Gson does not wrap the NumberFormatException of a bad \u escape
      return e.message;
  }
}

/**
 * A StackOverflowError has no message: RestServer's catch (Throwable) answers 500 with an empty body.
 */
const overflow = (): JsonSyntaxError => new JsonSyntaxError('');

interface Frame {
  list?: Json[];
  map?: JsonObject;
  key?: string;
}

function scalar(r: GsonReader, token: Token): Json {
  switch (token) {
    case 'STRING':
      return r.nextString();
    case 'NUMBER':
      return new JavaNumber(r.nextString());
    case 'BOOLEAN':
      return r.nextBoolean();
    case 'NULL':
      r.nextNull();
      return null;
    default:
      throw new GsonFailure('state', '');
  }
}

/**
 * Gson's ObjectTypeAdapter.read (lists, LinkedTreeMaps, strings, Long or Double by ToNumberPolicy.
 * LONG_OR_DOUBLE, booleans, null), without its recursion: `depth` is how many reads are already on
 * Java's stack, and one level more than MAX_NESTING is the node's stack overflow.
 */
function readValue(r: GsonReader, depth: number): Json {
  const frames: Frame[] = [];
  for (;;) {
    if (depth + frames.length > MAX_NESTING) throw overflow();
    const token = r.peek();
    let value: Json | undefined;
    if (token === 'BEGIN_ARRAY') {
      r.beginArray();
      frames.push({ list: [] });
    } else if (token === 'BEGIN_OBJECT') {
      r.beginObject();
      frames.push({ map: {} });
    } else value = scalar(r, token);
    // attach what is complete to its container, and close the containers that have no more elements
    for (;;) {
      const f = frames[frames.length - 1];
      if (!f) return value ?? null;
      if (value !== undefined) {
        if (f.list) f.list.push(value);
        else if (f.map) setOwn(f.map, f.key ?? '', value);
        value = undefined;
      }
      if (r.hasNext()) {
        if (f.map) f.key = r.nextName();
        break;
      }
      if (f.list) {
        r.endArray();
        value = f.list;
      } else {
        r.endObject();
        value = f.map ?? {};
      }
      frames.pop();
    }
  }
}

/** Java's toString of a map key Gson read (only keys of the array-of-pairs form can be other than strings). */
function javaToString(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof JavaNumber) return v.javaString();
  if (Array.isArray(v)) return `[${v.map(javaToString).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}=${javaToString(x)}`)
    .join(', ')}}`;
}

/**
 * MapTypeAdapterFactory's read of a LinkedHashMap: an object, or a list of [key, value] pairs; a key
 * seen twice is refused when its first value was not null.
 */
function readMap(r: GsonReader): JsonObject | null {
  if (r.peek() === 'NULL') {
    r.nextNull();
    return null;
  }
  const map: JsonObject = {};
  const put = (key: Json, value: Json) => {
    // a key that is not a string can never be a parameter name: keep it apart from the string keys
    const k = typeof key === 'string' ? key : `\u0000${javaToString(key)}`;
    const replaced = Object.hasOwn(map, k) ? map[k] : undefined;
    setOwn(map, k, value);
    if (replaced !== undefined && replaced !== null)
      throw new JsonSyntaxError(`duplicate key: ${javaToString(key)}`);
  };
  if (r.peek() === 'BEGIN_ARRAY') {
    r.beginArray();
    while (r.hasNext()) {
      r.beginArray();
      const key = readValue(r, 2);
      put(key, readValue(r, 2));
      r.endArray();
    }
    r.endArray();
  } else {
    r.beginObject();
    while (r.hasNext()) {
      r.promoteNameToValue();
      const key = readValue(r, 2);
      put(key, readValue(r, 2));
    }
    r.endObject();
  }
  return map;
}

/**
 * Gson.fromJson(String, type) as ZStack's JSONObjectUtil calls it: lenient while reading, an empty
 * document is null, and then, strict again, nothing but whitespace may follow a non-null result.
 * Every failure is a JsonSyntaxError whose message is the body a node answers (HTTP 500).
 */
function fromJson<T extends Json>(text: string, read: (r: GsonReader) => T): T | null {
  const r = new GsonReader(text);
  r.lenient = true;
  try {
    try {
      r.peek();
    } catch (e) {
      if (e instanceof GsonFailure && e.kind === 'eof') return null;
      throw e;
    }
    const value = read(r);
    r.lenient = false;
    if (value !== null && r.peek() !== 'END_DOCUMENT')
      throw new JsonSyntaxError('JSON document was not fully consumed.');
    return value;
  } catch (e) {
    if (e instanceof GsonFailure) throw new JsonSyntaxError(wireText(e));
    throw e;
  }
}

/** A request body as ZStack's REST layer reads it: JSONObjectUtil.toObject(body, LinkedHashMap.class). */
export function parseJson(text: string): JsonObject | null {
  return fromJson(text, readMap);
}

/** Any JSON value, read the same lenient way (the simulator's own controls). */
export function parseJsonValue(text: string): Json {
  return fromJson(text, (r) => readValue(r, 1));
}

export function jsonTypeName(v: Json): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'string') return 'STRING';
  if (v instanceof JavaNumber) return 'NUMBER';
  if (Array.isArray(v)) return 'BEGIN_ARRAY';
  return 'BEGIN_OBJECT';
}

/** Serializes a response the way ZStack does: object members that are null or undefined are left out. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v)) ?? '';
}
