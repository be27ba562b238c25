/**
 * JSON as ZStack's REST layer sees it. Request bodies are parsed by Gson into maps, and a number keeps its
 * literal text (Gson's LONG_OR_DOUBLE policy turns "20" into a Long and "20.0" or "1e3" into a Double,
 * which later become the strings "20", "20.0" and "1000.0" in a Map<String,String> parameter), so numbers
 * are kept as JavaNumber here. Responses omit null fields, like ZStack's Gson.
 */

import { javaDouble } from '../util/java.ts';

export class JavaNumber {
  constructor(readonly raw: string) {}
  get value(): number {
    return Number(this.raw);
  }
  /** True for a literal without fraction or exponent that fits a Java long (Gson makes it a Long). */
  get isLong(): boolean {
    if (!/^-?\d+$/.test(this.raw)) return false;
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

/** Strict JSON parser with Gson-like error texts. An empty or blank body parses to null (Gson does the same). */
export function parseJson(text: string): Json {
  let pos = 0;
  const path: (string | number)[] = [];

  const location = (): string => {
    let line = 1;
    let col = 1;
    for (let i = 0; i < pos && i < text.length; i++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    const p = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
    return `at line ${line} column ${col} path $${p}`;
  };
  const fail = (what: string): never => {
    throw new JsonSyntaxError(
      `com.google.gson.JsonSyntaxException: com.google.gson.stream.MalformedJsonException: ${what} ${location()}`,
    );
  };
  const ws = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };

  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('Unterminated string');
      const c = text.charAt(pos++);
      if (c === '"') return out;
      if (c === '\\') {
        const e = text.charAt(pos++);
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e === 'u') {
          const hex = text.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Malformed Unicode escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
        } else if (e in simple) out += simple[e];
        else fail('Invalid escape sequence');
      } else if (c < ' ') {
        fail('Unterminated string');
      } else out += c;
    }
  };

  const parseValue = (): Json => {
    ws();
    if (pos >= text.length) fail('End of input');
    const c = text.charAt(pos);
    if (c === '{') {
      pos++;
      const obj: JsonObject = {};
      ws();
      if (text.charAt(pos) === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        if (text.charAt(pos) !== '"') fail(pos >= text.length ? 'Unterminated object' : 'Expected name');
        const key = parseString();
        ws();
        if (text.charAt(pos) !== ':') fail("Expected ':'");
        pos++;
        path.push(key);
        setOwn(obj, key, parseValue());
        path.pop();
        ws();
        const d = text.charAt(pos);
        if (d === ',') {
          pos++;
          continue;
        }
        if (d === '}') {
          pos++;
          return obj;
        }
        fail('Unterminated object');
      }
    }
    if (c === '[') {
      pos++;
      const arr: Json[] = [];
      ws();
      if (text.charAt(pos) === ']') {
        pos++;
        return arr;
      }
      for (let i = 0; ; i++) {
        path.push(i);
        arr.push(parseValue());
        path.pop();
        ws();
        const d = text.charAt(pos);
        if (d === ',') {
          pos++;
          continue;
        }
        if (d === ']') {
          pos++;
          return arr;
        }
        fail('Unterminated array');
      }
    }
    if (c === '"') return parseString();
    const rest = text.slice(pos);
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      pos += num[0].length;
      return new JavaNumber(num[0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (rest.startsWith(word)) {
        pos += word.length;
        return value;
      }
    }
    return fail('Expected value');
  };

  ws();
  if (pos >= text.length) return null;
  const value = parseValue();
  ws();
  if (pos < text.length) fail('Expected EOF');
  return value;
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
