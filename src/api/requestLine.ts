/**
 * The longest request line (`GET /zstack/v1/...?... HTTP/1.1`) the console sends. nginx, the usual proxy
 * in front of ZStack, refuses a longer one with 414 by default (large_client_header_buffers 4 8k);
 * ZStack's Tomcat accepts 64 KB of request line and headers. Every query the console builds stays under
 * this whatever the size of a group, and a write whose parameters travel in the query string is split.
 */
export const maxRequestLine = 8192;

/** Bytes of the request line as it travels, with its CRLF (URLs are percent-encoded ASCII). */
export function requestLineLength(method: string, url: string): number {
  return `${method} ${url} HTTP/1.1\r\n`.length;
}

/** Length of `key=value` as URLSearchParams writes it into a query string. */
export function paramLength(key: string, value: string): number {
  return new URLSearchParams([[key, value]]).toString().length;
}

/**
 * Splits `values` of a repeated query parameter (`key=a&key=b...`) into as few requests as keep each
 * request line within the limit. `baseLength` is the request line without any of them. Linear in the
 * number of values.
 */
export function splitQueryValues<T>(
  values: readonly T[],
  key: string,
  valueOf: (item: T) => string,
  baseLength: number,
  limit = maxRequestLine,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let length = baseLength;
  for (const item of values) {
    // `?` before the first parameter, `&` before the others
    const extra = 1 + paramLength(key, valueOf(item));
    if (chunk.length > 0 && length + extra > limit) {
      chunks.push(chunk);
      chunk = [];
      length = baseLength;
    }
    chunk.push(item);
    length += extra;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** Splits a list into chunks of at most `size` (a write whose parameters travel in the body). */
export function splitBySize<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
