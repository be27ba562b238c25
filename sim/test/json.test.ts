import { describe, expect, it } from 'vitest';
import { JavaNumber, MAX_NESTING, parseJson, type Json } from '../http/json.ts';

/** A parsed body in one line: Long and Double numbers told apart (L20, D20.0), as Java would print them. */
function canon(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof JavaNumber) return (v.isLong ? 'L' : 'D') + v.javaString();
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`)
    .join(',')}}`;
}

function read(body: string): string {
  try {
    return `OK ${canon(parseJson(body))}`;
  } catch (e) {
    return `ERR ${(e as Error).message}`;
  }
}

/**
 * Request bodies and what a node makes of them: the map ZStack's JSONObjectUtil.toObject(body,
 * LinkedHashMap.class) reads, or the text RestServer answers with HTTP 500 (the exception's message).
 * Recorded by running Gson 2.8.9 (the version in ZStack's pom.xml) with JSONObjectUtil's settings.
 */
const GSON_2_8_9: [string, string][] = [
  [
    '{"logInByAccount": {"accountName": "admin",',
    'ERR java.io.EOFException: End of input at line 1 column 44 path $..accountName',
  ],
  [
    '["admin"]',
    'ERR java.lang.IllegalStateException: Expected BEGIN_ARRAY but was STRING at line 1 column 3 path $[0]',
  ],
  ['{a:1}', 'OK {"a":L1}'],
  ["{'a':'b'}", 'OK {"a":"b"}'],
  [
    '{"a":1} x',
    'ERR com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 10 path $',
  ],
  [
    '{"a":1}}',
    'ERR com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 9 path $',
  ],
  [
    '{"a":"\\q"}',
    'ERR com.google.gson.stream.MalformedJsonException: Invalid escape sequence at line 1 column 9 path $.',
  ],
  ['{"a":"\\u12"}', 'ERR \\u12"}'],
  ['', 'OK null'],
  ['   ', 'OK null'],
  ['{"a":[1,,2]}', 'OK {"a":[L1,null,L2]}'],
  ['{"a":tru}', 'OK {"a":"tru"}'],
  ['{"a":01}', 'OK {"a":"01"}'],
  ['{"a":1e999}', 'OK {"a":DInfinity}'],
  ['{"a":"x\ny"}', 'OK {"a":"x\\ny"}'],
  ['{"a" 1}', "ERR com.google.gson.stream.MalformedJsonException: Expected ':' at line 1 column 7 path $."],
  ['{"a":1,}', 'ERR com.google.gson.stream.MalformedJsonException: Expected name at line 1 column 9 path $.'],
  [
    '{"a":1 "b":2}',
    'ERR com.google.gson.stream.MalformedJsonException: Unterminated object at line 1 column 9 path $.',
  ],
  [
    '"str"',
    'ERR java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING at line 1 column 2 path $',
  ],
  ['null', 'OK null'],
  ['null x', 'OK null'],
  ['{"a":NaN}', 'OK {"a":"NaN"}'],
  [
    '{"a":1}{"b":2}',
    'ERR com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 9 path $',
  ],
  ['{"a":1,"a":2}', 'ERR duplicate key: a'],
  ['{"a":null,"a":2}', 'OK {"a":L2}'],
  ['{"a":-}', 'OK {"a":"-"}'],
  [
    '{"a":[1 2]}',
    'ERR com.google.gson.stream.MalformedJsonException: Unterminated array at line 1 column 10 path $.[1]',
  ],
  ['{', 'ERR java.io.EOFException: End of input at line 1 column 2 path $.'],
  ['{"a":', 'ERR java.io.EOFException: End of input at line 1 column 6 path $.'],
  ['{"a":1 // comment\n}', 'OK {"a":L1}'],
  ['# c\n{"a":1}', 'OK {"a":L1}'],
  ['{"a"=>1; "b"=2}', 'OK {"a":L1,"b":L2}'],
  [')]}\'\n{"a":1}', 'OK {"a":L1}'],
  ['﻿{"a":1}', 'OK {"a":L1}'],
  ['[["a", 1], ["b", [2]]]', 'OK {"a":L1,"b":[L2]}'],
  [
    '{"a":{"b":{"c":1 "d":2}}}',
    'ERR com.google.gson.stream.MalformedJsonException: Unterminated object at line 1 column 19 path $..b.c',
  ],
  [
    '{"w":"20","x":20,"y":20.0,"z":1e3,"n":-0,"big":9223372036854775808}',
    'OK {"w":"20","x":L20,"y":D20.0,"z":D1000.0,"n":L0,"big":D9.223372036854776E18}',
  ],
  ['{"a":"\\u00e9\\n\\/"}', 'OK {"a":"é\\n/"}'],
  ["{\"a\":'it\\'s'}", 'OK {"a":"it\'s"}'],
  [
    '5',
    'ERR java.lang.IllegalStateException: Expected BEGIN_OBJECT but was NUMBER at line 1 column 2 path $',
  ],
  [
    '{"a":1}/*',
    'ERR com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 9 path $',
  ],
  ['{"a":/*x*/1}', 'OK {"a":L1}'],
  [
    '{"a":"b"\n,\n"c"::1}',
    'ERR com.google.gson.stream.MalformedJsonException: Expected value at line 3 column 5 path $.',
  ],
];

describe('request bodies are read as Gson 2.8.9 reads them on a node', () => {
  it.each(GSON_2_8_9)('%j', (body, expected) => {
    expect(read(body)).toBe(expected);
  });

  it('reads a number literal of 1024 characters or more as a string, as Gson does', () => {
    expect(read(`{"x":${'1'.repeat(1023)}}`)).toMatch(/^OK \{"x":D/);
    expect(read(`{"x":${'1'.repeat(1024)}}`)).toBe(`OK {"x":"${'1'.repeat(1024)}"}`);
  });

  it('answers what a node answers past its stack depth (an empty 500), and reads anything shallower', () => {
    const nested = (levels: number) => `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    let v: Json | undefined = parseJson(nested(MAX_NESTING))?.a;
    let levels = 1;
    for (; Array.isArray(v); levels++) v = v[0];
    expect(levels).toBe(MAX_NESTING);
    expect(read(nested(MAX_NESTING + 1))).toBe('ERR ');
    // far deeper than any stack, unterminated: still the same answer, at once
    expect(read(`{"a":${'['.repeat(1_000_000)}`)).toBe('ERR ');
  });

  it('reads strings with and without escapes whole', () => {
    const long = 'x'.repeat(100_000);
    expect(parseJson(`{"a":"${long}"}`)).toEqual({ a: long });
    expect(parseJson(`{"a":"${'ab\\n'.repeat(10_000)}"}`)).toEqual({ a: 'ab\n'.repeat(10_000) });
  });
});
