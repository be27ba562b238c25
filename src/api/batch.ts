/**
 * Request lines within what the proxies in front of ZStack accept: nginx refuses a request line over 8 KB
 * (414) with its default `large_client_header_buffers 4 8k`. Lists that travel in a query string (a
 * DELETE's uuids, a query's `?=` values) are split into as many requests as that takes, in one pass.
 */
export const maxRequestLine = 8192;

/** `GET /zstack/v1/...?... HTTP/1.1`: percent-encoded ASCII, one byte a character. */
export const requestLineLength = (method: string, url: string) => `${method} ${url} HTTP/1.1`.length;

/** Length of a value once form-encoded into a query string, as URLSearchParams writes it. */
export const encodedLength = (value: string) => new URLSearchParams([['', value]]).toString().length - 1;

/**
 * Splits items into consecutive chunks whose encoded lengths, each plus `separator`, fit in `room`
 * (what the request line leaves for them). An item too long on its own gets a chunk of its own, which
 * the caller must refuse. Linear in the number of items.
 */
export function chunkByLength<T>(
  items: readonly T[],
  lengthOf: (item: T) => number,
  room: number,
  separator: number,
  maxItems = Infinity,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let used = 0;
  for (const item of items) {
    const length = lengthOf(item) + separator;
    if (chunk.length && (used + length > room || chunk.length >= maxItems)) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    chunk.push(item);
    used += length;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Splits `values` of a repeated query parameter (`key=a&key=b...`) into as few requests as keep each
 * request line within the limit; `baseLength` is the request line without any of them (`?` or `&`
 * before each value counts).
 */
export function splitQueryValues<T>(
  values: readonly T[],
  key: string,
  valueOf: (item: T) => string,
  baseLength: number,
  limit = maxRequestLine,
): T[][] {
  const keyLength = encodedLength(key) + 1;
  return chunkByLength(values, (v) => keyLength + encodedLength(valueOf(v)), limit - baseLength, 1);
}

/** Splits a list into chunks of at most `size` (a write whose parameters travel in the body). */
export const splitBySize = <T>(values: readonly T[], size: number): T[][] =>
  chunkByLength(values, () => 0, Infinity, 0, size);
